import { type PrioritiesData, options, text } from './build'

/**
 * Sections both SIPAS designs ask in the same words. Sharing them keeps the item codes identical
 * across templates, so the screen and the demographics compare across the 2022 series break.
 */

const SCREENING_ITEM = 'screen.received_result'

export const screeningSection = {
  code: 'screen',
  title: text('Xác nhận đối tượng khảo sát', 'Who this survey is for'),
  items: [
    {
      code: SCREENING_ITEM,
      kind: 'singleChoice' as const,
      text: text(
        'Trong thời gian gần đây, Ông/Bà có nộp hồ sơ và đã nhận kết quả giải quyết thủ tục hành chính tại đây không?',
        'Recently, did you submit a dossier for an administrative procedure and receive its result here?',
      ),
      options: options(
        ['Có, tôi đã nộp hồ sơ và nhận kết quả tại đây', 'Yes, I submitted a dossier and received the result here'],
        ['Không', 'No'],
      ),
    },
  ],
}

export const screening = {
  item: SCREENING_ITEM,
  eligible: [1],
  endMessage: text(
    'Cảm ơn Ông/Bà. Cuộc khảo sát này dành cho người đã nộp hồ sơ và nhận kết quả tại đây, nên Ông/Bà không cần trả lời tiếp.',
    'Thank you. This survey is for people who submitted a dossier and received the result here, so there is nothing more to answer.',
  ),
}

export const demographicsSection = {
  code: 'demo',
  title: text('Thông tin về người trả lời', 'About you'),
  intro: text(
    'Thông tin này chỉ dùng để tổng hợp số liệu; khảo sát không ghi lại họ tên của Ông/Bà.',
    'This is used only for statistics; the survey does not record your name.',
  ),
  items: [
    {
      code: 'demo.applicant_type',
      kind: 'singleChoice' as const,
      text: text('Ông/Bà thực hiện thủ tục với tư cách nào?', 'In what capacity did you carry out the procedure?'),
      options: options(
        ['Cá nhân', 'As an individual'],
        ['Đại diện tổ chức, doanh nghiệp', 'On behalf of an organisation or business'],
      ),
    },
    {
      code: 'demo.procedure_field',
      kind: 'singleChoice' as const,
      text: text(
        'Thủ tục hành chính Ông/Bà vừa thực hiện thuộc lĩnh vực nào?',
        'Which field did your administrative procedure belong to?',
      ),
      options: options(
        ['Đất đai', 'Land'],
        ['Hộ tịch', 'Civil status'],
        ['Chứng thực', 'Notarisation and certification'],
        ['Xây dựng', 'Construction'],
        ['Đăng ký kinh doanh', 'Business registration'],
        ['Lao động – việc làm, bảo trợ xã hội', 'Labour, employment and social affairs'],
        ['Tư pháp (lý lịch tư pháp)', 'Justice (criminal record certificates)'],
        ['Giao thông (giấy phép lái xe)', 'Transport (driving licences)'],
        ['Lĩnh vực khác', 'Another field'],
      ),
    },
    {
      code: 'demo.gender',
      kind: 'singleChoice' as const,
      text: text('Giới tính của Ông/Bà', 'Your gender'),
      options: options(['Nam', 'Male'], ['Nữ', 'Female'], ['Khác', 'Other']),
    },
    {
      code: 'demo.age_band',
      kind: 'singleChoice' as const,
      text: text('Ông/Bà thuộc nhóm tuổi nào?', 'Which age group are you in?'),
      options: options(
        ['Từ 18 đến 25 tuổi', '18 to 25'],
        ['Từ 26 đến 35 tuổi', '26 to 35'],
        ['Từ 36 đến 45 tuổi', '36 to 45'],
        ['Từ 46 đến 60 tuổi', '46 to 60'],
        ['Trên 60 tuổi', 'Over 60'],
      ),
    },
    {
      code: 'demo.ethnicity',
      kind: 'singleChoice' as const,
      text: text('Dân tộc của Ông/Bà', 'Your ethnic group'),
      options: options(['Kinh', 'Kinh'], ['Dân tộc thiểu số', 'An ethnic minority']),
    },
    {
      code: 'demo.education',
      kind: 'singleChoice' as const,
      text: text('Trình độ học vấn cao nhất của Ông/Bà', 'Your highest level of education'),
      options: options(
        ['Chưa tốt nghiệp tiểu học', 'Did not complete primary school'],
        ['Tiểu học', 'Primary school'],
        ['Trung học cơ sở', 'Lower secondary school'],
        ['Trung học phổ thông', 'Upper secondary school'],
        ['Trung cấp, cao đẳng', 'Vocational school or college'],
        ['Đại học', 'University degree'],
        ['Trên đại học', 'Postgraduate degree'],
      ),
    },
    {
      code: 'demo.occupation',
      kind: 'singleChoice' as const,
      text: text('Nghề nghiệp chính của Ông/Bà', 'Your main occupation'),
      options: options(
        ['Nông, lâm, ngư nghiệp', 'Farming, forestry or fishing'],
        ['Công nhân', 'Factory or construction worker'],
        ['Cán bộ, công chức, viên chức', 'Public servant'],
        ['Nhân viên doanh nghiệp', 'Company employee'],
        ['Kinh doanh, buôn bán', 'Business owner or trader'],
        ['Học sinh, sinh viên', 'Student'],
        ['Nghỉ hưu', 'Retired'],
        ['Nội trợ, không có việc làm', 'Homemaker or not working'],
        ['Nghề khác', 'Other occupation'],
      ),
    },
  ],
}

/**
 * Both designs close with the same question in their own words. The section's code prefixes the
 * item's; choices are coded 1, 2, 3… in order, as options() codes them.
 */
export function prioritiesSection({ code, title, question, choices }: PrioritiesData) {
  return {
    code,
    title,
    items: [
      {
        code: `${code}.priorities`,
        kind: 'multiSelect' as const,
        text: question,
        options: choices.map((label, index) => ({ value: index + 1, label })),
      },
    ],
  }
}

export const commentSection = {
  code: 'comment',
  title: text('Ý kiến khác', 'Other comments'),
  items: [
    {
      code: 'comment.suggestions',
      kind: 'text' as const,
      required: false,
      text: text(
        'Ông/Bà có góp ý nào khác để cơ quan phục vụ người dân, tổ chức tốt hơn không?',
        'Do you have any other suggestions to help the agency serve people and organisations better?',
      ),
      help: text(
        'Xin đừng ghi họ tên, số điện thoại hay số giấy tờ cá nhân.',
        'Please do not write names, phone numbers or ID numbers.',
      ),
    },
  ],
}
