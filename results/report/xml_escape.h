// Text for XML documents landed writes (JUnit, SVG): the five specials escaped and the control
// characters XML 1.0 forbids dropped (tab, newline and carriage return stay).
#pragma once

#include <string>
#include <string_view>

namespace landed {

std::string xml_escape(std::string_view text);

}  // namespace landed
