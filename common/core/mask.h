// Masking of personal data (phone numbers, resident ID numbers, bank cards,
// names) for logs, exports and the before/after JSON of audit events.
//
// Every function keeps the length of its input in characters, so a masked
// value still shows its shape ("138****5678"), and never fails: input that
// does not look like the expected kind is masked more, not less (all but its
// last two characters). Characters are UTF-8 code points; '*' is the mask.
#pragma once

#include <string>
#include <string_view>

namespace huinong::mask {

// "13812345678" -> "138****5678"; anything that is not 11 digits -> all but
// the last 2 characters masked ("12345" -> "***45"; 2 or fewer -> all).
std::string Phone(std::string_view phone);

// 18-character resident ID (17 digits + digit or X) or the old 15-digit form:
// first 3 and last 4 kept, "11010519491231002X" -> "110***********002X".
std::string IdCard(std::string_view id_number);

// 12-19 digits: first 4 and last 4 kept,
// "6222021234567890123" -> "6222***********0123".
std::string BankCard(std::string_view card_number);

// First character kept, every other character masked: "张三丰" -> "张**",
// "Li Lei" -> "L*****". A one-character name is masked entirely ("*"),
// since keeping its first character would keep all of it.
std::string Name(std::string_view name);

// Masks, inside free text, every
//   - mobile number: 1[3-9] + 9 digits, also written 138-1234-5678,
//     138 1234 5678 or with a +86 prefix;
//   - 18-character resident ID number (18 digits, or 17 digits + X/x);
//   - bank card number: 16-19 digits, also in groups of 4 separated by
//     single spaces or dashes;
// where the digits are not part of a longer digit run (a 20-digit reference
// number is left alone). An 18-digit run is masked as an ID number if its
// check digit is valid, else as a card. Everything else, including non-ASCII
// text around the numbers, is kept byte for byte.
std::string PersonalData(std::string_view text);

}  // namespace huinong::mask
