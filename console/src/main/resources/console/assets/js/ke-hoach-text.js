// The words of plans, deadlines and notices (labels only: states and their texts come from the API).

export const PLAN_STATUS_TAG = {announced: '', held: '', concluded: 'tag-done', closed: 'tag-done', cancelled: 'tag-late', draft: 'tag-soon'};

export const DEADLINE_TAG = {met: 'tag-done', overdue: 'tag-late', open: 'tag-soon', pending: '', cancelled: ''};

export const DOCUMENTS = [
  ['plan', 'Kế hoạch'],
  ['notice', 'Thông báo tổ chức hội nghị'],
  ['invitation', 'Giấy mời'],
  ['minutes', 'Biên bản hội nghị'],
  ['report', 'Báo cáo kết quả'],
];

export const PARTS = {
  resolved: 'Giải quyết tại hội nghị',
  assigned: 'Giao giải quyết',
  forwarded: 'Chuyển cơ quan cấp trên',
  redirected: 'Hướng dẫn khiếu nại, tố cáo',
};

export const TIMELINESS = {
  'on-time': 'Đúng hạn',
  late: 'Trễ hạn',
  overdue: 'Quá hạn chưa trả lời',
  'in-progress': 'Đang giải quyết',
};

export const COUNTS = [
  ['total', 'Tổng số ý kiến'],
  ['atMeeting', 'Trả lời tại hội nghị'],
  ['assigned', 'Giao cơ quan giải quyết'],
  ['onTime', 'Trả lời đúng hạn'],
  ['late', 'Trả lời trễ hạn'],
  ['overdue', 'Quá hạn chưa trả lời'],
  ['inProgress', 'Đang giải quyết'],
  ['forwarded', 'Chuyển cơ quan cấp trên'],
  ['redirected', 'Hướng dẫn khiếu nại, tố cáo'],
  ['refused', 'Không tiếp nhận'],
];

/** A number in running text: the header's "Số: 01/TB-UBND" or "Số 01-TB/ĐU" reads "số 01/TB-UBND" in a sentence. */
export const inSentence = number => (number || '').replace(/^Số:?\s*/, 'số ');

/** A notice's name follows its state: a draft, approved and waiting for Ban hành, or published with its number. */
export function conclusionTitle(c) {
  if (c.status === 'published') return `Thông báo kết luận ${inSentence(c.number)}, đã ban hành`;
  if (c.status === 'approved') return 'Thông báo kết luận đã duyệt, chờ ban hành';
  return `Dự thảo thông báo kết luận${c.edition > 1 ? ' (đính chính, lần ' + c.edition + ')' : ''}`;
}
