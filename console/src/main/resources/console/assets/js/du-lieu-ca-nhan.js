// Dữ liệu cá nhân của công dân (the office): a citizen's request, in writing or in person, to know what the
// commune holds about them (Xuất dữ liệu: read here, downloaded as JSON, printed) or to have it erased (Xóa dữ
// liệu, once the office has confirmed what that does); and how long contacts are kept (the retention months).
import {h, fill, byId} from './dom.js';
import {api} from './api.js';
import {layout, has, pageError, ready} from './layout.js';
import {CHANNEL, date, dateTime} from './text.js';
import {onSubmit, announce} from './forms.js';
import {control, text, textarea, numberInput} from './controls.js';

let download = null; // the object URL of the last export's JSON, revoked when another replaces it

function said(kind, ...content) {
  announce(byId('thong-bao'), h('div', {class: 'notice notice-' + kind}, ...content));
  byId('thong-bao').focus();
}

/** A definition list of the non-empty rows [label, value]. */
function rows(list) {
  return h('dl', {class: 'summary-list'}, list.filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([label, v]) => h('div', {}, h('dt', {}, label), h('dd', {}, v))));
}

function consentText(c) {
  const basis = c.basis === 'consent' ? 'Sự đồng ý của công dân' : 'Nhiệm vụ của cơ quan nhà nước';
  return `${basis}, ngày ${date(c.at)}, thông báo phiên bản ${c.noticeVersion}`;
}

function opinion(o) {
  return h('section', {class: 'held-opinion'},
      h('h4', {}, 'Mã theo dõi ', o.trackingCode),
      rows([
        ['Ngày gửi', date(o.receivedAt)],
        ['Kênh tiếp nhận', CHANNEL[o.channel] || o.channel],
        ['Lĩnh vực', o.field],
        ['Nội dung', o.content],
        ['Tình trạng', o.statusText],
        ['Quyết định', o.decision],
        [o.answeredAt ? `Trả lời (${date(o.answeredAt)})` : 'Trả lời', o.answer],
        ...o.heldAboutYou.flatMap((r) => [
          ['Họ tên', r.name], ['Số điện thoại', r.phone], ['E-mail', r.email], ['Địa chỉ', r.address],
          ['Thôn, tổ dân phố', r.village], ['Đồng ý công bố họ tên', r.consentToPublish ? 'Có' : 'Không'],
          ['Căn cứ xử lý', r.consent ? consentText(r.consent) : null]]),
      ]));
}

function mails(list) {
  if (!list.length) return h('p', {}, 'Không có thư nào gửi đến liên hệ này.');
  return h('table', {class: 'responsive'},
      h('caption', {class: 'visually-hidden'}, 'Thư đã gửi đến liên hệ này'),
      h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Ngày'), h('th', {scope: 'col'}, 'Tiêu đề'),
          h('th', {scope: 'col'}, 'Tình trạng'))),
      h('tbody', {}, list.map((m) => h('tr', {},
          h('td', {'data-label': 'Ngày'}, date(m.sentAt || m.queuedAt)),
          h('td', {'data-label': 'Tiêu đề'}, m.subject || 'Tin nhắn SMS (không có tiêu đề)'),
          h('td', {'data-label': 'Tình trạng'}, m.sentAt ? 'Đã gửi' : 'Chưa gửi')))));
}

/** What is held about the contact, as the citizen will read it, with the JSON to download and a print button. */
function exported(r) {
  const e = r.export;
  if (download) URL.revokeObjectURL(download);
  download = URL.createObjectURL(new Blob([JSON.stringify(e, null, 2)], {type: 'application/json'}));
  const day = date(r.request.at).split('/').reverse().join('-'); // the file is named by the day, never the contact
  const link = h('a', {class: 'button secondary', id: 'tai-ve', download: `du-lieu-ca-nhan-${day}.json`}, 'Tải về (JSON)');
  link.href = download; // a blob: address, which h() rightly refuses for addresses it is given as text
  return h('section', {id: 'du-lieu-xuat', class: 'export', 'aria-labelledby': 'du-lieu-xuat-tieu-de', tabindex: '-1'},
      h('h2', {id: 'du-lieu-xuat-tieu-de'}, 'Dữ liệu cá nhân đang lưu giữ'),
      h('p', {}, `Liên hệ: ${e.contact}. Cung cấp theo yêu cầu của công dân lúc ${dateTime(r.request.at)}.`),
      h('p', {class: 'no-print'}, link, ' ',
          h('button', {type: 'button', class: 'secondary', onclick: () => window.print()}, 'In')),
      h('h3', {}, `Ý kiến, kiến nghị (${e.opinions.length})`),
      e.opinions.length ? e.opinions.map(opinion) : h('p', {}, 'Không có ý kiến nào gắn với liên hệ này.'),
      h('h3', {}, `Thư đã gửi (${e.mails.length})`),
      mails(e.mails));
}

function erased(r) {
  const q = r.request;
  const counts = `${q.opinionIds.length} ý kiến (${q.raisersErased} người nêu) và ${q.mailsErased} thư`;
  if (r.repeated) {
    said('ok', h('h2', {}, 'Dữ liệu của liên hệ này đã được xóa trước đó'),
        h('p', {}, `Lần xóa lúc ${dateTime(q.at)} đã xóa thông tin cá nhân trong ${counts}; lý do: ${q.reason}.`),
        h('p', {}, 'Không còn dữ liệu nào của liên hệ này để xóa.'));
  } else if (!q.opinionIds.length && !q.mailsErased) {
    said('ok', h('h2', {}, 'Không có dữ liệu nào của liên hệ này'),
        h('p', {}, `Không có ý kiến hay thư nào gắn với liên hệ này. Yêu cầu đã được ghi nhận lúc ${dateTime(q.at)}.`));
  } else {
    said('ok', h('h2', {}, 'Đã xóa dữ liệu cá nhân'),
        h('p', {}, `Đã xóa họ tên, số điện thoại, e-mail, địa chỉ và thôn, tổ dân phố của công dân trong ${counts}, lúc `
            + `${dateTime(q.at)}.`),
        h('p', {}, 'Nội dung ý kiến, tình trạng giải quyết và các số liệu được giữ nguyên.'));
  }
}

/** What erasure does, said before it is done: the office confirms or goes back. */
function confirmation(contact, cancel) {
  return h('div', {class: 'notice notice-error', id: 'xac-nhan', tabindex: '-1', role: 'group',
    'aria-labelledby': 'xac-nhan-tieu-de'},
  h('h2', {id: 'xac-nhan-tieu-de'}, `Xóa dữ liệu cá nhân của liên hệ ${contact}?`),
  h('ul', {},
      h('li', {}, 'Họ tên, số điện thoại, e-mail, địa chỉ và thôn, tổ dân phố của công dân được xóa khỏi mọi ý kiến và mọi '
          + 'thư có liên hệ này.'),
      h('li', {}, 'Thư chưa gửi đến liên hệ này sẽ không được gửi nữa.'),
      h('li', {}, 'Nội dung ý kiến, tình trạng giải quyết, câu trả lời và các số liệu thống kê, báo cáo được giữ nguyên.'),
      h('li', {}, 'Yêu cầu được lưu lại với lý do, người xử lý và thời gian, không kèm liên hệ của công dân.'),
      h('li', {}, h('strong', {}, 'Không thể hoàn tác: dữ liệu đã xóa không khôi phục được.'))),
  h('button', {type: 'submit', class: 'warning', value: 'erase-confirmed'}, 'Xác nhận xóa dữ liệu'), ' ',
  h('button', {type: 'button', class: 'secondary', onclick: cancel}, 'Hủy'));
}

function requestForm(result) {
  const form = h('form', {novalidate: true, id: 'yeu-cau', class: 'no-print'},
      h('h2', {}, 'Yêu cầu của công dân'),
      h('p', {}, 'Công dân đề nghị bằng văn bản hoặc trực tiếp tại Văn phòng được biết dữ liệu cá nhân xã đang lưu giữ, '
          + 'hoặc được xóa dữ liệu đó.'),
      control('E-mail hoặc số điện thoại của công dân', 'contact', text(),
          'Như công dân đã ghi khi gửi ý kiến, ví dụ 0912 345 678 hoặc ten@example.vn.'),
      control('Lý do, căn cứ của yêu cầu', 'reason', textarea(2),
          'Số, ngày của đơn đề nghị hoặc biên bản tiếp nhận. Không ghi họ tên, số điện thoại hay e-mail của công dân: '
          + 'lý do được lưu lại.'),
      h('p', {}, h('button', {type: 'submit', value: 'export'}, 'Xuất dữ liệu'), ' ',
          h('button', {type: 'submit', class: 'warning', value: 'erase'}, 'Xóa dữ liệu')));
  const dismiss = () => {
    const shown = byId('xac-nhan');
    if (shown) shown.remove();
  };
  form.addEventListener('input', dismiss); // the confirmation names a contact: a changed one needs its own
  onSubmit(form, async (v, f, button) => {
    const kind = button ? button.value : 'export';
    if (kind === 'erase' && v.contact && v.reason) {
      dismiss();
      const c = confirmation(v.contact, () => {
        dismiss();
        form.querySelector('button[value=erase]').focus();
      });
      form.appendChild(c);
      c.focus();
      return;
    }
    // an erasure without its contact or reason is refused (400) before anything is touched: its messages show
    const r = await api('POST', '/privacy/requests', {kind: kind === 'export' ? 'export' : 'erase',
      contact: v.contact, reason: v.reason});
    dismiss();
    if (r.export) {
      fill(result, exported(r));
      byId('thong-bao').hidden = true;
      byId('du-lieu-xuat').focus();
    } else {
      fill(result);
      erased(r);
    }
  });
  return form;
}

function retentionForm(s) {
  const form = h('form', {novalidate: true, id: 'luu-tru', class: 'no-print'},
      h('h2', {}, 'Thời hạn lưu trữ'),
      h('p', {}, 'Họ tên và liên hệ của người nêu ý kiến được tự động xóa khi hết số tháng này, tính từ khi ý kiến cuối '
          + 'cùng của họ kết thúc. Mặc định 24 tháng.'),
      control('Số tháng lưu trữ', 'retentionMonths', numberInput(String(s.retentionMonths)), 'Từ 1 đến 120 tháng.'),
      h('p', {class: 'hint'}, `Thông báo về xử lý dữ liệu cá nhân đang áp dụng: phiên bản ${s.noticeVersion}.`),
      h('button', {type: 'submit'}, 'Lưu thời hạn'));
  onSubmit(form, async (v) => {
    const next = await api('PUT', '/privacy/settings', {retentionMonths: v.retentionMonths});
    form.querySelector('[name=retentionMonths]').value = String(next.retentionMonths);
    said('ok', h('p', {}, `Đã lưu: liên hệ của người nêu ý kiến được giữ ${next.retentionMonths} tháng sau khi ý kiến `
        + 'cuối cùng của họ kết thúc.'));
  });
  return form;
}

async function main() {
  const user = await layout();
  if (!has(user, 'office')) throw new Error('Trang này dành cho Văn phòng của xã.');
  const settings = await api('GET', '/privacy/settings');
  const result = h('div', {id: 'ket-qua'});
  fill(byId('du-lieu'), requestForm(result), result, retentionForm(settings));
}

main().then(ready, (e) => {
  pageError(e);
  ready();
});
