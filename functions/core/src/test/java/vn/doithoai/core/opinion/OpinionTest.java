package vn.doithoai.core.opinion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.common.Actor;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.opinion.OpinionParts.Answer;
import vn.doithoai.core.opinion.OpinionParts.Raiser;

/** The opinion state machine: each transition audited, illegal ones refused with a code and a message. */
class OpinionTest {
  static final Instant NOW = Instant.parse("2025-11-24T02:00:00Z");
  static final Actor OFFICE = new Actor("u1", "Văn phòng", "demo", Set.of(Role.OFFICE), Optional.empty());

  static Opinion anOpinion(String raiserEmail) {
    return Opinion.received("o_" + raiserEmail.hashCode(), "demo", Optional.empty(), "DT-AAAA-BBBB",
        "Đèn đường hỏng", OpinionField.INFRASTRUCTURE, Channel.WEBSITE,
        List.of(new Raiser("Người dân", null, raiserEmail, null, null, false)), Optional.empty(), NOW, OFFICE);
  }

  @Test
  @DisplayName("received → accepted → assigned → extended → answered → closed, one audit entry each")
  void happyPath() {
    Opinion o = anOpinion("a@example.vn")
        .accept(Optional.of("p1"), OpinionField.INFRASTRUCTURE, OFFICE, NOW)
        .assign("phong-kinh-te", "Phòng Kinh tế", LocalDate.of(2025, 12, 19), LocalDate.of(2026, 1, 6), OFFICE, NOW)
        .extend(LocalDate.of(2026, 1, 5), "Cần khảo sát", OFFICE, NOW)
        .answer(new Answer("Đã sửa", false, List.of(), NOW, "u1"), OFFICE, NOW)
        .close("", OFFICE, NOW);
    assertEquals(OpinionStatus.CLOSED, o.status());
    assertEquals(6, o.version());
    assertEquals(List.of("opinion.received", "opinion.accepted", "opinion.assigned", "opinion.extended",
        "opinion.answered", "opinion.closed"), o.audit().stream().map(a -> a.action()).toList());
    assertEquals("Cần khảo sát", o.audit().get(3).reason());
  }

  @Test
  @DisplayName("an extension beyond the profile's cap, or not later than the due date, is refused")
  void extensionCap() {
    Opinion o = anOpinion("a@example.vn").accept(Optional.empty(), OpinionField.OTHER, OFFICE, NOW)
        .assign("a", "A", LocalDate.of(2025, 12, 19), LocalDate.of(2026, 1, 6), OFFICE, NOW);
    assertEquals("extension_beyond_cap", assertThrows(DomainException.class,
        () -> o.extend(LocalDate.of(2026, 1, 7), "x", OFFICE, NOW)).code());
    assertEquals("extension_not_later", assertThrows(DomainException.class,
        () -> o.extend(LocalDate.of(2025, 12, 18), "x", OFFICE, NOW)).code());
  }

  @Test
  @DisplayName("illegal transitions are conflicts with a Vietnamese message naming the state")
  void illegal() {
    Opinion refused = anOpinion("a@example.vn").refuse(OpinionParts.RefusalReason.CONDUCT, "", OFFICE, NOW);
    DomainException e = assertThrows(DomainException.class,
        () -> refused.assign("a", "A", LocalDate.now(), LocalDate.now(), OFFICE, NOW));
    assertEquals("illegal_transition", e.code());
    assertTrue(e.getMessage().contains("Không tiếp nhận"), e.getMessage());
    assertThrows(DomainException.class, () -> anOpinion("b@example.vn")
        .answer(new Answer("x", false, List.of(), NOW, "u"), OFFICE, NOW), "a written answer needs an assignment");
  }

  @Test
  @DisplayName("merging counts the merged raisers in the target (kept apart, so each of them is still told), one version on")
  void merge() {
    Opinion a = anOpinion("a@example.vn");
    Opinion b = anOpinion("b@example.vn");
    Opinion merged = a.mergeInto(b, OFFICE, NOW);
    Opinion target = b.absorb(a, OFFICE, NOW);
    assertEquals(OpinionStatus.MERGED, merged.status());
    assertEquals(Optional.of(b.id()), merged.mergedInto());
    assertEquals(1, target.raisers().size(), "the target's own list does not grow");
    assertEquals(2, target.raiserCount());
    assertEquals(new OpinionParts.Merged(1, 1, 1), target.merged(), "one opinion, one raiser, not agreeing to be named");
    assertEquals(b.version() + 1, target.version());
    assertEquals(b.audit(), target.audit(), "the merge's record is its audit entry: the matter does not grow");
    Opinion c = anOpinion("c@example.vn");
    Opinion chain = c.absorb(target, OFFICE, NOW);
    assertEquals(new OpinionParts.Merged(2, 2, 2), chain.merged(), "a matter merged brings what was merged into it");
    assertEquals(3, chain.raiserCount());
    Opinion crowd = target.stored(target.version(), new OpinionParts.Merged(Opinion.MAX_CARRIED + 1, 500, 0));
    assertEquals("merge_too_large", assertThrows(DomainException.class, () -> c.absorb(crowd, OFFICE, NOW)).code(),
        "a matter of more merges than one write carries is merged the other way round");
    assertEquals("merge_into_self", assertThrows(DomainException.class,
        () -> a.mergeInto(a, OFFICE, NOW)).code());
  }

  @Test
  @DisplayName("forwarded or redirected, an opinion keeps its plan, takes the one given, and one without is attached once")
  void forwardedAndRedirectedKeepTheirPlan() {
    Opinion accepted = anOpinion("a@example.vn").accept(Optional.of("p1"), OpinionField.INFRASTRUCTURE, OFFICE, NOW);
    assertEquals(Optional.of("p1"), accepted.forward(Optional.of("p2"), "UBND tỉnh", "", OFFICE, NOW).planId(),
        "its own plan is kept");
    assertEquals(Optional.of("p2"), anOpinion("d@example.vn").forward(Optional.of("p2"), "UBND tỉnh", "", OFFICE, NOW)
        .planId(), "a plan-less one takes the plan sent with the decision");
    assertEquals(Optional.of("p2"), anOpinion("b@example.vn").redirect(Optional.of("p2"),
        OpinionParts.RedirectKind.COMPLAINT, "hướng dẫn", OFFICE, NOW).planId());
    Opinion lost = anOpinion("c@example.vn").forward(Optional.empty(), "UBND tỉnh", "", OFFICE, NOW);
    Opinion attached = lost.attach("p3", OFFICE, NOW);
    assertEquals(Optional.of("p3"), attached.planId());
    assertEquals(OpinionStatus.FORWARDED, attached.status());
    assertEquals("opinion.attached", attached.audit().get(attached.audit().size() - 1).action());
    assertEquals("opinion_has_plan", assertThrows(DomainException.class,
        () -> attached.attach("p4", OFFICE, NOW)).code());
  }
}
