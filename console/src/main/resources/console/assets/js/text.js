// The words of the console: one Vietnamese word for one thing (CONSOLE.md), and dates as people read them.

export const STATUS = {
  received: 'Đã tiếp nhận',
  accepted: 'Đưa vào đối thoại',
  assigned: 'Đã giao cơ quan giải quyết',
  answered: 'Đã trả lời',
  closed: 'Đã kết thúc',
  redirected: 'Hướng dẫn theo thủ tục khiếu nại, tố cáo',
  forwarded: 'Đã chuyển cơ quan cấp trên',
  refused: 'Không tiếp nhận',
  merged: 'Đã gộp với ý kiến cùng nội dung',
};

export const FIELD = {
  land: 'Đất đai',
  'construction-planning': 'Xây dựng, quy hoạch',
  infrastructure: 'Hạ tầng, giao thông',
  environment: 'Môi trường',
  'social-policy': 'Chính sách xã hội',
  health: 'Y tế',
  education: 'Giáo dục',
  'security-order': 'An ninh, trật tự',
  'administrative-procedures': 'Thủ tục hành chính',
  'officials-conduct': 'Thái độ, trách nhiệm của cán bộ',
  other: 'Lĩnh vực khác',
};

export const CHANNEL = {
  website: 'Trang thông tin điện tử của xã',
  front: 'Ủy ban MTTQ tổng hợp',
  union: 'Đoàn thể chính trị - xã hội',
  village: 'Thôn, tổ dân phố',
  'party-cell': 'Chi bộ',
  'meeting-card': 'Phiếu câu hỏi tại hội nghị',
  spoken: 'Phát biểu tại hội nghị',
  'staff-entry': 'Cán bộ nhập thay',
  'public-form': 'Biểu mẫu trên trang công khai của xã',
  'public-form-unverified': 'Biểu mẫu trên trang công khai (chưa xác minh, chờ kiểm tra)',
};

export const ROLE = {
  office: 'Văn phòng',
  host: 'Chủ trì',
  agency: 'Cơ quan chuyên môn',
  front: 'Ủy ban MTTQ',
  admin: 'Quản trị',
};

export const REFUSAL = {
  'no-legal-capacity': 'Người nêu không có năng lực hành vi dân sự đầy đủ',
  conduct: 'Người nêu vi phạm nội quy, quy chế đối thoại',
  'settled-matter': 'Vụ việc đã được giải quyết đúng quy định, không có tình tiết mới',
  'unlawful-content': 'Nội dung trái pháp luật, xúc phạm danh dự, uy tín của tổ chức, cá nhân',
};

export const ACTION = {
  'opinion.received': 'Tiếp nhận ý kiến',
  'opinion.accepted': 'Đưa vào đối thoại',
  'opinion.redirected': 'Hướng dẫn khiếu nại / tố cáo',
  'opinion.forwarded': 'Chuyển cơ quan cấp trên',
  'opinion.refused': 'Không tiếp nhận',
  'opinion.merged': 'Gộp ý kiến trùng nội dung',
  'opinion.absorbed': 'Nhận gộp ý kiến trùng nội dung',
  'opinion.assigned': 'Giao cơ quan giải quyết',
  'opinion.extended': 'Gia hạn',
  'opinion.recounted': 'Tính lại hạn theo thông báo kết luận',
  'opinion.answered': 'Trả lời',
  'opinion.closed': 'Kết thúc',
};

const WEEKDAY = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const VN = 'Asia/Ho_Chi_Minh';

const pad = (n) => String(n).padStart(2, '0');

/** "2025-11-20" → "20/11/2025"; an instant → its date in Việt Nam. */
export function date(value) {
  if (!value) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  const parts = partsOf(value);
  return `${parts.day}/${parts.month}/${parts.year}`;
}

/** "2025-11-20" → "Thứ Năm, 20/11/2025". */
export function dayDate(value) {
  if (!value) return '';
  const [y, m, d] = value.split('-').map(Number);
  return `${WEEKDAY[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}, ${pad(d)}/${pad(m)}/${y}`;
}

/** An instant → "20/11/2025 14:05" in Việt Nam. */
export function dateTime(value) {
  const p = partsOf(value);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

function partsOf(value) {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone: VN, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    hourCycle: 'h23',
  });
  const out = {};
  for (const p of f.formatToParts(new Date(value))) out[p.type] = p.value;
  return out;
}

/** The API's working days left → "còn 3 ngày làm việc", "hạn hôm nay", "quá hạn 2 ngày làm việc". */
export function countdown(days) {
  if (days === null || days === undefined) return '';
  if (days > 0) return `còn ${days} ngày làm việc`;
  if (days === 0) return 'hạn hôm nay';
  return `quá hạn ${-days} ngày làm việc`;
}

/** How a raiser is addressed: by name, or "Công dân" when none was given. */
export function person(name) {
  return name && name.trim() ? name : 'Công dân';
}

/** The first words of a long text, for a list. */
export function excerpt(text, max = 140) {
  if (!text || text.length <= max) return text || '';
  const cut = text.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)) + '…';
}
