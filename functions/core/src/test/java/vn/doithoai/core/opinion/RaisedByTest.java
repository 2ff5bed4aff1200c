package vn.doithoai.core.opinion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.common.Actor;
import vn.doithoai.core.opinion.OpinionParts.Compiled;
import vn.doithoai.core.opinion.OpinionParts.Raiser;

class RaisedByTest {
  static final Instant NOW = Instant.parse("2025-11-20T02:00:00Z");
  static final Actor OFFICE = new Actor("u1", "VP", "demo", Set.of(Role.OFFICE), Optional.empty());

  static String label(List<Raiser> raisers, Optional<Compiled> compiled) {
    return RaisedBy.label(Opinion.received("o1", "demo", Optional.empty(), "DT-AAAA-0001", "Nội dung",
        OpinionField.OTHER, Channel.WEBSITE, raisers, compiled, NOW, OFFICE), PLAN_VILLAGES);
  }

  static final List<String> PLAN_VILLAGES = List.of("thôn Đông Phong", "thôn Nà Pàn");

  static Raiser raiser(String name, String village, boolean consent) {
    return new Raiser(name, "0912345678", "a@example.vn", "số 1", village, consent);
  }

  @Test
  @DisplayName("who raised it, as a public document may say it")
  void labels() {
    Raiser named = raiser("Nguyễn Văn A", "thôn Đông Phong", true);
    assertEquals("Công dân Nguyễn Văn A (thôn Đông Phong)", label(List.of(named), Optional.empty()));
    assertEquals("Công dân Nguyễn Văn A", label(List.of(raiser("Nguyễn Văn A", " ", true)), Optional.empty()));
    assertEquals("Bà Lý Thị Hà (thôn Đông Phong)", label(List.of(raiser("bà  Lý Thị Hà", "thôn Đông Phong", true)),
        Optional.empty()), "Ông/Bà when the name was given with it, never \"Ông/bà\"");
    assertEquals("Ông Hoàng Văn Nam", label(List.of(raiser("Ông Hoàng Văn Nam", "", true)), Optional.empty()));
    assertEquals("Cử tri thôn Đông Phong", label(List.of(raiser("Trần Thị B", "thôn Đông Phong", false)),
        Optional.empty()));
    assertEquals("Cử tri thôn Đông Phong", label(List.of(raiser(null, "thôn Đông Phong", true)), Optional.empty()),
        "consent without a name says the village");
    assertEquals("Một công dân", label(List.of(raiser("Trần Thị B", null, false)), Optional.empty()));
    assertEquals("Một số công dân", label(List.of(raiser("B", null, false), raiser("C", "", false)),
        Optional.empty()));
    assertEquals("Công dân Nguyễn Văn A (thôn Đông Phong), một công dân khác", label(List.of(named,
        raiser("B", null, false)), Optional.empty()));
    assertEquals("Cử tri thôn Đông Phong", label(List.of(raiser("B", "thôn Đông Phong", false),
        raiser("C", "thôn Đông Phong", false)), Optional.empty()), "one village once");
    assertEquals("Ủy ban MTTQ xã tổng hợp (12 ý kiến)", label(List.of(named),
        Optional.of(new Compiled("Ủy ban MTTQ xã", 12))));
    assertEquals("", label(List.of(), Optional.empty()), "nothing known: nothing said");
  }

  @Test
  @DisplayName("without consent, a village only as the plan spells it; a village typed freely is never shown")
  void nonConsentingVillage() {
    assertEquals("Cử tri thôn Đông Phong", label(List.of(raiser("Trần Thị B", "Thôn  đông phong", false)),
        Optional.empty()), "the plan's spelling, not the typed one");
    assertEquals("Cử tri thôn Nà Pàn", label(List.of(raiser("Trần Thị B", "Nà Pàn", false)), Optional.empty()));
    assertEquals("Một công dân", label(List.of(raiser("Trần Thị B", "xóm Giếng, nhà bà Tư bán nước", false)),
        Optional.empty()), "free text that is not one of the plan's villages");
    assertEquals("Công dân Nguyễn Văn A (xóm Giếng), Cử tri thôn Nà Pàn, một công dân khác", label(List.of(
        raiser("Nguyễn Văn A", "xóm Giếng", true), raiser("C", "thôn Nà Pàn", false),
        raiser("D", "Cây Đa đầu làng", false)), Optional.empty()), "a consenting raiser's village as they typed it");
  }

  @Test
  @DisplayName("the raisers of opinions merged into a matter are counted, never named: a notice lists no crowd")
  void mergedRaisersAreCounted() {
    Opinion matter = Opinion.received("o1", "demo", Optional.empty(), "DT-AAAA-0001", "Nội dung", OpinionField.OTHER,
        Channel.WEBSITE, List.of(raiser("Nguyễn Văn A", "thôn Đông Phong", true)), Optional.empty(), NOW, OFFICE);
    Opinion other = Opinion.received("o2", "demo", Optional.empty(), "DT-AAAA-0002", "Nội dung", OpinionField.OTHER,
        Channel.WEBSITE, List.of(raiser("Trần Văn C", "thôn Nà Pàn", true)), Optional.empty(), NOW, OFFICE);
    assertEquals("Công dân Nguyễn Văn A (thôn Đông Phong), một công dân khác",
        RaisedBy.label(matter.absorb(other, OFFICE, NOW), PLAN_VILLAGES));
  }
}
