import { describe, expect, test } from 'vitest'
import { SCRUBBED_PLACEHOLDER as X, scrubPersonalNumbers } from './scrub'

describe('phone numbers are removed from free text', () => {
  test.each([
    ['Có gì gọi lại cho tôi số 0912345678 nhé', `Có gì gọi lại cho tôi số ${X} nhé`],
    ['SĐT: 0912 345 678.', `SĐT: ${X}.`],
    ['Liên hệ 0912.345.678 hoặc 098-765-4321', `Liên hệ ${X} hoặc ${X}`],
    ['Zalo 0385 123 456, cảm ơn', `Zalo ${X}, cảm ơn`],
    ['Số của tôi +84 912 345 678', `Số của tôi ${X}`],
    ['số +84912345678', `số ${X}`],
    ['(+84) 912.345.678 là số nhà', `${X} là số nhà`],
    ['gọi 84912345678', `gọi ${X}`],
    ['Máy bàn (024) 3825 1234 giờ hành chính', `Máy bàn ${X} giờ hành chính`],
    ['Điện thoại cơ quan 024.3825.1234', `Điện thoại cơ quan ${X}`],
    ['Số bàn 0236 3822 123 (Đà Nẵng)', `Số bàn ${X} (Đà Nẵng)`],
    ['ĐT0912345678', `ĐT${X}`],
  ])('%s', (text, expected) => {
    expect(scrubPersonalNumbers(text)).toBe(expected)
  })

  test('a phone number followed by a count keeps the count', () => {
    expect(scrubPersonalNumbers('Tôi gọi 0912 345 678 3 lần mà không ai nghe')).toBe(`Tôi gọi ${X} 3 lần mà không ai nghe`)
  })
})

describe('ID numbers are removed from free text', () => {
  test.each([
    ['CCCD của tôi là 001099012345, hồ sơ bị trả lại', `CCCD của tôi là ${X}, hồ sơ bị trả lại`],
    ['CMND 123456789 cấp năm 2010', `CMND ${X} cấp năm 2010`],
    ['số căn cước:038185001234', `số căn cước:${X}`],
    ['CCCD001099012345', `CCCD${X}`],
  ])('%s', (text, expected) => {
    expect(scrubPersonalNumbers(text)).toBe(expected)
  })
})

describe('ordinary numbers survive', () => {
  test.each([
    'Năm 2024 tôi đã đi lại 3 lần mới xong thủ tục.',
    'Lệ phí 1.500.000 đồng là quá cao, năm ngoái chỉ 500.000 đồng.',
    'Chờ từ 7h30 đến 11h15, tức gần 4 tiếng.',
    'Hồ sơ nộp ngày 12/03/2025, hẹn trả 15 ngày làm việc.',
    'Mã hồ sơ 000.00.31.H26-250312-0042 đến nay chưa có kết quả.',
    'Quầy số 12, tầng 2, có 25 người chờ.',
    'Phí công chứng 12.000.000 đồng và 2 bản sao.',
    'Tổng đài 1900 1234 không ai nghe máy.',
    'Năm 2023 2024 đều như vậy.',
  ])('%s', (text) => {
    expect(scrubPersonalNumbers(text)).toBe(text)
  })

  test('a run of 11 digits is neither a phone nor an ID', () => {
    expect(scrubPersonalNumbers('số 09123456789')).toBe('số 09123456789')
  })
})
