package vn.doithoai.core.conclusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.doithoai.core.conclusion.ConclusionTest.HOST;
import static vn.doithoai.core.conclusion.ConclusionTest.NOW;
import static vn.doithoai.core.conclusion.ConclusionTest.OFFICE;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.opinion.Channel;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionField;
import vn.doithoai.core.plan.Issuer;

class PersonalDataReviewTest {
  static Conclusion drafted() {
    Opinion a = Opinion.received("o1", "demo", Optional.of("p1"), "DT-AAAA-0001", "Đèn đường hỏng, báo chị Hoa "
        + "số 0912.345.678", OpinionField.INFRASTRUCTURE, Channel.SPOKEN, List.of(), Optional.empty(), NOW, OFFICE);
    Opinion b = Opinion.received("o2", "demo", Optional.of("p1"), "DT-AAAA-0002", "Đất của ông Lò Văn Pọm bị "
        + "lấn, e-mail pom@example.vn", OpinionField.LAND, Channel.WEBSITE, List.of(), Optional.empty(), NOW, OFFICE)
        .accept(Optional.of("p1"), OpinionField.LAND, OFFICE, NOW)
        .assign("phong-kinh-te", "Phòng Kinh tế", LocalDate.of(2025, 12, 29), LocalDate.of(2026, 1, 13), OFFICE, NOW);
    return DraftingConclusion.draft("c1", ConclusionTest.plan("party-committee"), ConclusionTest.record(),
        List.of(a, b), OFFICE, NOW);
  }

  @Test
  @DisplayName("publishing is refused while a flag is open, naming each matter and what was found in it")
  void refusedWhileOpen() {
    Conclusion c = drafted();
    assertEquals(4, PersonalDataReview.open(c).size());
    DomainException e = assertThrows(DomainException.class, () -> PersonalDataReview.requireResolved(c));
    assertEquals("personal_data_unresolved", e.code());
    assertEquals("Chưa thể ban hành: nội dung còn thông tin cá nhân chưa xử lý ở phần \"Giải quyết tại hội nghị\", "
        + "mục 1 (DT-AAAA-0001): họ tên, số điện thoại; phần \"Giao giải quyết\", mục 1 (DT-AAAA-0002): họ tên, địa "
        + "chỉ e-mail. Hãy ẩn các cụm từ này hoặc xác nhận chúng không phải thông tin cá nhân.", e.getMessage());
  }

  @Test
  @DisplayName("redacted or cleared, the notice publishes; the choice is kept in storage and in a correction")
  void resolved() {
    Conclusion c = drafted().redact("0912.345.678", OFFICE, NOW).redact("Lò Văn Pọm", OFFICE, NOW)
        .redact("pom@example.vn", OFFICE, NOW).markNotPersonal("Hoa", OFFICE, NOW);
    assertEquals(List.of(), PersonalDataReview.open(c));
    assertEquals("Đất của ông *** bị lấn, e-mail ***", c.content().assigned().get(0).text());
    assertEquals(c, Conclusion.fromJson(c.toJson()), "stored and read back with its cleared phrases");
    PersonalDataReview.requireResolved(c);
    Conclusion published = c.approve(HOST, NOW).publish(new DocumentNumber(Issuer.PARTY_COMMITTEE, "TB", 1),
        LocalDate.of(2025, 12, 1), OFFICE, NOW);
    assertEquals("conclusion_published", assertThrows(DomainException.class,
        () -> published.redact("Đèn", OFFICE, NOW)).code());
    assertEquals(List.of(), PersonalDataReview.open(published.correction("c2", OFFICE, NOW)));
  }
}
