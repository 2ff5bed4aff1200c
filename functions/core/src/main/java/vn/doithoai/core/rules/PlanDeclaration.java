package vn.doithoai.core.rules;

import java.util.List;
import java.util.Optional;

/**
 * What a plan says about itself that decides which rules bind it: who issues it and which instruments it
 * carries out ("Căn cứ …", "Thực hiện …"). An empty issuer is the what-if of the CLI: every instrument in force
 * applies.
 */
public record PlanDeclaration(Optional<Authority> issuer, List<String> legalBasis) {
  public PlanDeclaration {
    legalBasis = legalBasis == null ? List.of() : List.copyOf(legalBasis);
  }

  public static PlanDeclaration of(Authority issuer, List<String> legalBasis) {
    return new PlanDeclaration(Optional.of(issuer), legalBasis);
  }

  /** No plan behind the question: every instrument in force on the meeting date applies. */
  public static PlanDeclaration any() {
    return new PlanDeclaration(Optional.empty(), List.of());
  }
}
