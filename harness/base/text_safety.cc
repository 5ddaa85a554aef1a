#include "harness/base/text_safety.h"

#include <cstdint>

#include <fmt/format.h>

namespace landed {
namespace {

/// The length of the valid UTF-8 sequence at `text[i]`, or 0 if it is not one.
std::size_t sequence_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  std::uint32_t code = 0;
  if ((lead & 0xe0) == 0xc0) length = 2, code = lead & 0x1f;
  else if ((lead & 0xf0) == 0xe0) length = 3, code = lead & 0x0f;
  else if ((lead & 0xf8) == 0xf0) length = 4, code = lead & 0x07;
  else return 0;
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xc0) != 0x80) return 0;
    code = (code << 6) | (byte(i + k) & 0x3f);
  }
  static constexpr std::uint32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
  if (code < kMinimum[length] || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return 0;
  return length;
}

/// True for C0 (but tab), DEL, and the C1 controls U+0080..U+009F (UTF-8 0xC2 0x80..0x9F).
bool is_control(std::string_view sequence) {
  const auto lead = static_cast<unsigned char>(sequence[0]);
  if (sequence.size() == 1) return (lead < 0x20 && lead != '\t') || lead == 0x7f;
  return sequence.size() == 2 && lead == 0xc2 && static_cast<unsigned char>(sequence[1]) < 0xa0;
}

template <class OnUnsafe>
std::string rewrite(std::string_view text, OnUnsafe on_unsafe) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = sequence_length(text, i);
    if (length != 0 && !is_control(text.substr(i, length))) {
      out.append(text.substr(i, length));
      i += length;
    } else {
      const std::size_t bad = length == 0 ? 1 : length;
      on_unsafe(out, text.substr(i, bad));
      i += bad;
    }
  }
  return out;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = sequence_length(text, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

std::string printable(std::string_view text) {
  return rewrite(text, [](std::string& out, std::string_view bytes) {
    for (char c : bytes) out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
  });
}

std::string strip_controls(std::string_view text) {
  return rewrite(text, [](std::string& out, std::string_view bytes) {
    if (sequence_length(bytes, 0) == 0) out += '?';  // invalid UTF-8; a control is dropped
  });
}

}  // namespace landed
