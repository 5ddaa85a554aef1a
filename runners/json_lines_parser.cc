#include "runners/json_lines_parser.h"

#include <fmt/format.h>

namespace landed {

void JsonLinesParser::on_line(std::string_view line) {
  nlohmann::json event = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (event.is_discarded() || !event.is_object()) {
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) ++unreadable_lines_;
    return;
  }
  ++events_;
  on_event(event);
}

std::string JsonLinesParser::lines_read() const {
  return fmt::format("{} events, {} unreadable lines", events_, unreadable_lines_);
}

AgentResult ended(AgentStatus status, std::string reason) {
  AgentResult result;
  result.status = status;
  result.reason = std::move(reason);
  return result;
}

}  // namespace landed
