/** A realistic set of provincial agencies after Decree 45/2025/NĐ-CP, as demo structure. */
export const DEPARTMENTS = [
  { abbr: 'NV', name: 'Sở Nội vụ', nameEn: 'Department of Home Affairs' },
  { abbr: 'TP', name: 'Sở Tư pháp', nameEn: 'Department of Justice' },
  { abbr: 'TC', name: 'Sở Tài chính', nameEn: 'Department of Finance' },
  { abbr: 'XD', name: 'Sở Xây dựng', nameEn: 'Department of Construction' },
  { abbr: 'NN', name: 'Sở Nông nghiệp và Môi trường', nameEn: 'Department of Agriculture and Environment' },
  { abbr: 'CT', name: 'Sở Công Thương', nameEn: 'Department of Industry and Trade' },
  { abbr: 'YT', name: 'Sở Y tế', nameEn: 'Department of Health' },
  { abbr: 'GD', name: 'Sở Giáo dục và Đào tạo', nameEn: 'Department of Education and Training' },
] as const

export const COMMUNES = [
  { abbr: 'X1', name: 'UBND phường Trung tâm', nameEn: 'Trung Tâm Ward People’s Committee' },
  { abbr: 'X2', name: 'UBND xã Hòa Bình', nameEn: 'Hòa Bình Commune People’s Committee' },
  { abbr: 'X3', name: 'UBND xã Tân Lập', nameEn: 'Tân Lập Commune People’s Committee' },
] as const
