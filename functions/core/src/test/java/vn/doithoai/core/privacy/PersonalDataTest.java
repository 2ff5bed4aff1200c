package vn.doithoai.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.doithoai.core.privacy.PersonalData.Finding;
import vn.doithoai.core.privacy.PersonalData.Kind;

class PersonalDataTest {
  static Stream<Arguments> texts() {
    return Stream.of(
        // text, what is flagged ("KIND:span", …), why
        Arguments.of("Liên hệ 0912 345 678 để biết thêm.", List.of("PHONE:0912 345 678"), "mobile with spaces"),
        Arguments.of("SĐT: 0912.345.678", List.of("PHONE:0912.345.678"), "dots"),
        Arguments.of("gọi 0912-345-678 hoặc 0987654321", List.of("PHONE:0912-345-678", "PHONE:0987654321"), "dashes"),
        Arguments.of("số +84 912 345 678.", List.of("PHONE:+84 912 345 678"), "+84"),
        Arguments.of("số (+84) 912-345-678", List.of("PHONE:(+84) 912-345-678"), "(+84)"),
        Arguments.of("số 84912345678", List.of("PHONE:84912345678"), "84 without plus"),
        Arguments.of("máy bàn 0205 3812 345", List.of("PHONE:0205 3812 345"), "landline, 11 digits"),
        Arguments.of("hỗ trợ 1.500.000 đồng/hộ, 20/11/2025, 0,5 ha, năm 2025", List.of(), "amounts and dates"),
        Arguments.of("mã 123456789012345", List.of(), "a long number is not a phone"),
        Arguments.of("gửi về dung.hv@example.vn nhé", List.of("EMAIL:dung.hv@example.vn"), "e-mail"),
        Arguments.of("Gia đình ông Nguyễn Văn Dũng lấn chiếm hành lang", List.of("NAME:Nguyễn Văn Dũng"), "ông"),
        Arguments.of("Bà Lường Thị Hoa phản ánh", List.of("NAME:Lường Thị Hoa"), "Bà at the start"),
        Arguments.of("nhà chị Hoa và anh Đặng Quốc Khánh", List.of("NAME:Hoa", "NAME:Đặng Quốc Khánh"), "chị, anh"),
        Arguments.of("cô Vi Thị Ánh, chú Hà Văn Tư", List.of("NAME:Vi Thị Ánh", "NAME:Hà Văn Tư"), "cô, chú"),
        Arguments.of("Đề nghị ông Chủ tịch UBND xã trả lời bà con", List.of(), "a title and 'bà con' are not names"),
        Arguments.of("ông trưởng thôn và các anh em", List.of(), "lower case after the form of address"),
        Arguments.of("Ông " + Normalizer.normalize("Nguyễn Văn Ẩn", Normalizer.Form.NFD) + " nói",
            List.of("NAME:" + Normalizer.normalize("Nguyễn Văn Ẩn", Normalizer.Form.NFD)), "typed decomposed"),
        Arguments.of("Đường liên thôn Nà Pàn xuống cấp, đề nghị sửa chữa.", List.of(), "nothing personal"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("texts")
  @DisplayName("phones, e-mails and names after a form of address are flagged; amounts, dates and titles are not")
  void flags(String text, List<String> expected, String why) {
    List<Finding> found = PersonalData.find(text);
    assertEquals(expected, found.stream().map(f -> f.kind() + ":" + f.text()).toList(), why);
    for (Finding f : found) {
      assertEquals(f.text(), text.substring(f.start(), f.end()), "the span is the text");
    }
  }

  @Test
  @DisplayName("an e-mail made of digits is one finding, not an e-mail and a phone")
  void overlapping() {
    assertEquals(List.of(Kind.EMAIL), PersonalData.find("0912345678@gmail.com").stream().map(Finding::kind)
        .toList());
  }
}
