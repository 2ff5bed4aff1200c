package vn.doithoai.core.document;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import vn.doithoai.core.calendar.VietnameseDates;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.conclusion.Conclusion;
import vn.doithoai.core.conclusion.DocumentNumber;
import vn.doithoai.core.document.OfficialDocument.Detail;
import vn.doithoai.core.document.OfficialDocument.Item;
import vn.doithoai.core.document.OfficialDocument.Section;
import vn.doithoai.core.document.OfficialDocument.Signature;

/**
 * Thông báo kết luận as an official document: I. what was discussed, then only the kinds of matters the
 * meeting had (resolved at the meeting; assigned to an agency with its due date; forwarded to the competent
 * upper body; redirected to the complaint or denunciation procedure), last the follow-up. Each matter names
 * who raised it as far as they consented ({@link Conclusion.Item#raisedBy()}); the notice is public.
 */
public final class ConclusionDocument {
  private ConclusionDocument() {}

  public static OfficialDocument of(Conclusion c, Commune commune) {
    Conclusion.Content content = c.content();
    List<String> intro = c.corrects().isPresent()
        ? List.of("Thông báo này đính chính (lần " + (c.edition() - 1)
            + ") thông báo kết luận đã ban hành trước đó.")
        : List.of();
    List<Section> sections = new ArrayList<>();
    sections.add(new Section("NỘI DUNG ĐÃ ĐỐI THOẠI", List.of(content.discussed()), List.of()));
    add(sections, "NHỮNG NỘI DUNG ĐÃ ĐƯỢC GIẢI QUYẾT TẠI HỘI NGHỊ", content.resolved(), i -> List.of());
    add(sections, "NHỮNG NỘI DUNG GIAO CÁC CƠ QUAN, ĐƠN VỊ GIẢI QUYẾT", content.assigned(), i -> {
      List<Detail> details = new ArrayList<>();
      if (present(i.agency())) {
        details.add(new Detail("Giao", i.agency()));
      }
      if (i.due() != null) {
        details.add(new Detail("thời hạn hoàn thành", VietnameseDates.format(i.due())));
      }
      return details;
    });
    add(sections, "NHỮNG NỘI DUNG CHUYỂN CƠ QUAN CÓ THẨM QUYỀN CẤP TRÊN", content.forwarded(),
        i -> present(i.agency()) ? List.of(new Detail("Chuyển", i.agency())) : List.of());
    add(sections, "NHỮNG NỘI DUNG HƯỚNG DẪN THEO THỦ TỤC KHIẾU NẠI, TỐ CÁO", content.redirected(),
        i -> present(i.agency()) ? List.of(new Detail("Hướng dẫn theo thủ tục", i.agency())) : List.of());
    sections.add(new Section("TỔ CHỨC THỰC HIỆN", List.of(content.closing()), List.of()));
    Conclusion.Signer s = content.signer();
    return new OfficialDocument(Issuing.layout(c.issuer()), Issuing.parent(c.issuer(), commune),
        Issuing.body(c.issuer(), commune),
        c.number().map(DocumentNumber::text).orElse(Issuing.number(c.issuer(), "TB", "")), Issuing.place(commune),
        c.issuedOn(), "THÔNG BÁO", content.title(), List.of(), intro, sections, List.of(),
        List.of(new Signature(s.mode(), s.authority(), s.position(), s.name())),
        Issuing.distribution(c.issuer(), content.distribution()));
  }

  private static void add(List<Section> sections, String title, List<Conclusion.Item> items,
      Function<Conclusion.Item, List<Detail>> details) {
    if (items.isEmpty()) {
      return;
    }
    List<Item> out = new ArrayList<>();
    for (Conclusion.Item i : items) {
      String code = present(i.trackingCode()) ? "(Mã " + i.trackingCode() + ") " : "";
      String by = present(i.raisedBy()) ? i.raisedBy().strip() + " phản ánh: " : "";
      out.add(new Item("", code + by + (i.text() == null ? "" : i.text()), details.apply(i)));
    }
    sections.add(new Section(title, List.of(), out));
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
