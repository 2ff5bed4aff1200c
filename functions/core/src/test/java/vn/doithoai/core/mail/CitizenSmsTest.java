package vn.doithoai.core.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.fixtures.DialogueFixtures;
import vn.doithoai.core.opinion.Channel;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionField;
import vn.doithoai.core.opinion.OpinionParts;
import vn.doithoai.core.opinion.OpinionParts.Raiser;

/** A phone-only citizen is told by SMS, through the outbox, in short Vietnamese texts. */
class CitizenSmsTest {
  static final Instant NOW = Instant.parse("2025-11-05T03:00:00Z");
  static final String PHONE = "+84912345678";
  final CitizenMails mails = new CitizenMails("https://doithoai.tanthanh.gov.vn");

  static Opinion from(Raiser... raisers) {
    return Opinion.received("o_dt7k3m9qx2", DialogueFixtures.CID, Optional.of(DialogueFixtures.PLAN_ID),
        "DT-7K3M-9QX2", "Đường liên thôn Nà Pàn xuống cấp, đề nghị sửa chữa.", OpinionField.INFRASTRUCTURE,
        Channel.WEBSITE, List.of(raisers), Optional.empty(), DialogueFixtures.RECEIVED, DialogueFixtures.OFFICE);
  }

  static Raiser phoneOnly(String phone) {
    return new Raiser("Hoàng Văn Dũng", phone, null, null, "Thôn Nà Pàn", false);
  }

  static Commune accented() {
    Commune c = DialogueFixtures.commune();
    return new Commune(c.id(), c.name(), c.province(), c.profileId(), c.partyOfficeName(),
        c.peoplesCommitteeOfficeName(), c.officeEmail(), c.hostEmail(), c.frontEmail(), c.websiteUrl(), c.agencies(),
        c.version(), c.createdAt(), c.declaredUnits(), true);
  }

  @Test
  void aPhoneOnlyRaiserGetsOneUnaccentedSmsWithTheTrackingCodeAndNoPersonalDataInItsId() {
    List<OutgoingMail> out = mails.acknowledgement(DialogueFixtures.commune(), from(phoneOnly("0912 345 678")), NOW);

    assertEquals(1, out.size());
    OutgoingMail sms = out.get(0);
    assertEquals(OutgoingMail.SMS, sms.channel());
    assertEquals(PHONE, sms.to());
    assertEquals("UBND xa Tan Thanh da nhan y kien cua Ong/Ba, ma DT-7K3M-9QX2. Theo doi: "
        + "https://doithoai.tanthanh.gov.vn/public/xa-tan-thanh/opinions/DT-7K3M-9QX2", sms.text());
    assertEquals("sms#o_dt7k3m9qx2#ack#v1#" + ContactIds.of(PHONE), sms.id());
    assertFalse(sms.id().contains("912345678"));
    assertEquals(new SmsText.Segments("GSM-7", 146, 1), SmsText.measure(sms.text()));
  }

  @Test
  void withDiacriticsTheSameAcknowledgementCostsThreeUcs2Segments() {
    OutgoingMail sms = mails.acknowledgement(accented(), from(phoneOnly(PHONE)), NOW).get(0);
    assertTrue(sms.text().startsWith("UBND xã Tân Thành đã nhận ý kiến của Ông/Bà"), sms.text());
    assertEquals(new SmsText.Segments("UCS-2", 146, 3), SmsText.measure(sms.text()));
  }

  @Test
  void aRaiserWhoLeftAnEmailIsToldByEmailOnlyAndALandlineGetsNothing() {
    List<OutgoingMail> out = mails.acknowledgement(DialogueFixtures.commune(),
        from(DialogueFixtures.raiser(), phoneOnly("024 3825 3536")), NOW);
    assertEquals(List.of(OutgoingMail.EMAIL), out.stream().map(OutgoingMail::channel).toList());
  }

  @Test
  void theDecisionTheAnswerAndTheExtensionEachGetTheirOwnSms() {
    Opinion o = DialogueFixtures.assigned(from(phoneOnly(PHONE), phoneOnly("0912.345.678")));
    Opinion extended = o.extend(DialogueFixtures.DUE.plusDays(10), "Cần khảo sát hiện trường",
        DialogueFixtures.AGENCY, NOW);
    Opinion answered = extended.answer(new OpinionParts.Answer("Đã sửa xong.", false, List.of(), NOW, "u"),
        DialogueFixtures.AGENCY, NOW);
    Opinion refused = from(phoneOnly(PHONE)).refuse(OpinionParts.RefusalReason.SETTLED_MATTER, "", 
        DialogueFixtures.OFFICE, NOW);

    OutgoingMail ext = single(mails.extension(DialogueFixtures.commune(), extended, NOW));
    OutgoingMail ans = single(mails.outcome(DialogueFixtures.commune(), answered, "answered", NOW));
    OutgoingMail dec = single(mails.outcome(DialogueFixtures.commune(), refused, "refused", NOW));

    assertTrue(ext.text().contains("duoc gia han giai quyet den 29/12/2025, do Cong chuc Dia chinh - Xay dung"),
        ext.text());
    assertTrue(ans.text().startsWith("UBND xa Tan Thanh da tra loi y kien ma DT-7K3M-9QX2. Xem noi dung: "),
        ans.text());
    assertTrue(dec.text().startsWith("UBND xa Tan Thanh: y kien ma DT-7K3M-9QX2 - "), dec.text());
    for (OutgoingMail m : List.of(ext, ans, dec)) {
      assertEquals("GSM-7", SmsText.measure(m.text()).encoding(), m.text());
      assertTrue(SmsText.measure(m.text()).segments() <= 2, m.text());
    }
    assertEquals(3, java.util.Set.of(ext.id(), ans.id(), dec.id()).size());
  }

  private static OutgoingMail single(List<OutgoingMail> out) {
    assertEquals(1, out.size(), "one SMS per number (the same number twice is one)");
    return out.get(0);
  }
}
