// Masking of personal data; see mask.h for the rules per kind.
#include "common/core/mask.h"

#include <vector>

#include "common/core/utf8.h"

namespace huinong::mask {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return !s.empty();
}

// Splits into characters (code points); an invalid byte is one character on
// its own so that nothing is silently dropped.
std::vector<std::string_view> Characters(std::string_view s) {
  std::vector<std::string_view> out;
  for (size_t i = 0; i < s.size();) {
    size_t len = utf8::SequenceLength(s, i);
    if (len == 0) len = 1;
    out.push_back(s.substr(i, len));
    i += len;
  }
  return out;
}

// Keeps the first `front` and last `back` characters. If that would leave
// nothing masked, masks all but the last two instead (all, if two or fewer).
std::string KeepEnds(std::string_view s, size_t front, size_t back) {
  const std::vector<std::string_view> chars = Characters(s);
  const size_t n = chars.size();
  if (front + back >= n) {
    front = 0;
    back = n > 2 ? 2 : 0;
  }
  std::string out;
  out.reserve(s.size());
  for (size_t k = 0; k < n; ++k) {
    if (k < front || k >= n - back) {
      out.append(chars[k]);
    } else {
      out += '*';
    }
  }
  return out;
}

std::string MaskAllButLastTwo(std::string_view s) { return KeepEnds(s, 0, 2); }

bool IsMobile(std::string_view digits) {
  return digits.size() == 11 && AllDigits(digits) && digits[0] == '1' && digits[1] >= '3';
}

bool IsIdShape(std::string_view s) {
  if (s.size() == 15) return AllDigits(s);
  if (s.size() != 18) return false;
  const char last = s[17];
  return AllDigits(s.substr(0, 17)) && (IsDigit(last) || last == 'X' || last == 'x');
}

// GB 11643 check digit (ISO 7064 MOD 11-2) of an 18-character ID number.
bool HasValidIdCheckDigit(std::string_view s) {
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr char kCheck[] = "10X98765432";
  int sum = 0;
  for (int k = 0; k < 17; ++k) sum += (s[k] - '0') * kWeights[k];
  const char last = s[17] == 'x' ? 'X' : s[17];
  return kCheck[sum % 11] == last;
}

// Masks the digits of `span` (digits and separators), keeping the first
// `front` and last `back` digits and every separator.
std::string MaskDigitsInSpan(std::string_view span, size_t front, size_t back) {
  size_t total = 0;
  for (char c : span) total += IsDigit(c) ? 1 : 0;
  std::string out;
  out.reserve(span.size());
  size_t k = 0;
  for (char c : span) {
    if (!IsDigit(c)) {
      out += c;
      continue;
    }
    out += (k < front || k + back >= total) ? c : '*';
    ++k;
  }
  return out;
}

// Numbers written in groups: "138-1234-5678", "6222 0212 3456 7890 123".
// On a match stores the masked text and the bytes it covers.
bool MaskGrouped(std::string_view text, size_t start, std::string* masked, size_t* consumed) {
  std::vector<size_t> sizes;
  std::string digits;
  char sep = 0;
  size_t i = start;
  for (;;) {
    const size_t group_start = i;
    while (i < text.size() && IsDigit(text[i])) ++i;
    sizes.push_back(i - group_start);
    digits.append(text.substr(group_start, i - group_start));
    if (sizes.size() > 6) return false;
    const bool more = i + 1 < text.size() && (text[i] == ' ' || text[i] == '-') &&
                      (sep == 0 || text[i] == sep) && IsDigit(text[i + 1]);
    if (!more) break;
    sep = text[i];
    ++i;
  }
  if (sizes.size() < 2) return false;
  const std::string_view span = text.substr(start, i - start);
  // "+86 138 1234 5678": the country code is one more group.
  const size_t cc = (sizes[0] == 2 && digits.starts_with("86") && start > 0 &&
                     text[start - 1] == '+')
                        ? 1
                        : 0;
  if (sizes.size() == 3 + cc && sizes[cc] == 3 && sizes[cc + 1] == 4 && sizes[cc + 2] == 4 &&
      IsMobile(std::string_view(digits).substr(cc * 2))) {
    *masked = MaskDigitsInSpan(span, 3 + cc * 2, 4);
    *consumed = span.size();
    return true;
  }
  bool card_groups = sizes.size() >= 4 && sizes.back() >= 1 && sizes.back() <= 4;
  for (size_t g = 0; g + 1 < sizes.size(); ++g) card_groups = card_groups && sizes[g] == 4;
  if (card_groups && digits.size() >= 16 && digits.size() <= 19) {
    *masked = MaskDigitsInSpan(span, 4, 4);
    *consumed = span.size();
    return true;
  }
  return false;
}

}  // namespace

std::string Phone(std::string_view phone) {
  if (phone.size() == 11 && AllDigits(phone)) return KeepEnds(phone, 3, 4);
  return MaskAllButLastTwo(phone);
}

std::string IdCard(std::string_view id_number) {
  if (IsIdShape(id_number)) return KeepEnds(id_number, 3, 4);
  return MaskAllButLastTwo(id_number);
}

std::string BankCard(std::string_view card_number) {
  if (card_number.size() >= 12 && card_number.size() <= 19 && AllDigits(card_number)) {
    return KeepEnds(card_number, 4, 4);
  }
  return MaskAllButLastTwo(card_number);
}

std::string Name(std::string_view name) {
  const std::vector<std::string_view> chars = Characters(name);
  if (chars.size() <= 1) return std::string(chars.size(), '*');
  std::string out(chars[0]);
  out.append(chars.size() - 1, '*');
  return out;
}

std::string PersonalData(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    if (!IsDigit(text[i])) {
      out += text[i++];
      continue;
    }
    // Here text[i] starts a maximal digit run: runs are always consumed whole.
    // A group chain is matched only from its first group, so that the tail
    // of a longer chain ("1234 5678 9012 3456 7890") is not taken for a card.
    const bool continues_chain =
        i >= 2 && (text[i - 1] == ' ' || text[i - 1] == '-') && IsDigit(text[i - 2]);
    std::string masked;
    size_t consumed = 0;
    if (!continues_chain && MaskGrouped(text, i, &masked, &consumed)) {
      out += masked;
      i += consumed;
      continue;
    }
    size_t end = i;
    while (end < text.size() && IsDigit(text[end])) ++end;
    const std::string_view run = text.substr(i, end - i);
    const bool x_follows = end < text.size() && (text[end] == 'X' || text[end] == 'x');
    if (run.size() == 17 && x_follows) {
      out += IdCard(text.substr(i, 18));
      i = end + 1;
      continue;
    }
    if (IsMobile(run)) {
      out += Phone(run);
    } else if (run.size() == 18 && HasValidIdCheckDigit(run)) {
      out += IdCard(run);
    } else if (run.size() >= 16 && run.size() <= 19) {
      out += BankCard(run);
    } else if (run.size() == 13 && i > 0 && text[i - 1] == '+' && run.substr(0, 2) == "86" &&
               IsMobile(run.substr(2))) {
      out += "86";
      out += Phone(run.substr(2));
    } else {
      out.append(run);
    }
    i = end;
  }
  return out;
}

}  // namespace huinong::mask
