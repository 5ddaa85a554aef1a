// Text that came from outside (folder names, an agent's output) checked or made safe before it
// becomes an id or reaches a terminal.
#pragma once

#include <string>
#include <string_view>

namespace landed {

/// True if `text` is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool is_valid_utf8(std::string_view text);

/// `text` with every byte that is not part of valid UTF-8, and every control character
/// (C0, DEL, C1), written as \xNN: safe to print in a message.
std::string printable(std::string_view text);

/// `text` without control characters (C0 but tab, DEL, C1 such as the CSI U+009B) and with
/// invalid UTF-8 bytes replaced by '?': what a terminal may be shown.
std::string strip_controls(std::string_view text);

}  // namespace landed
