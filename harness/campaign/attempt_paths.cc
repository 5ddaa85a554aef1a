#include "harness/campaign/attempt_paths.h"

#include "harness/base/files.h"
#include "harness/campaign/attempt.h"

namespace landed {

std::string file_safe(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    // '%' is escaped too, so the mapping is one-to-one: `x y`, `x_y` and `x?y` stay apart.
    const bool safe = std::isalnum(byte) || byte == '-' || byte == '_' || byte == '@' ||
                      (byte == '.' && i > 0);  // never `.`, `..` or a hidden name
    if (safe) {
      out += static_cast<char>(byte);
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xf];
    }
  }
  return out.empty() ? "%" : out;
}

AttemptPaths::AttemptPaths(std::filesystem::path campaign_dir, const AttemptPlan& plan)
    : campaign_dir_(std::move(campaign_dir)) {
  const std::string contender = file_safe(plan.contender->id);
  const std::string repeat = "r" + std::to_string(plan.repeat);
  dir_ = campaign_dir_ / "attempts" / file_safe(plan.task->id) / contender / repeat;
  slug_ = file_safe(plan.task->id) + "." + contender + "." + repeat;
  if (plan.step) {  // a route step: under its route attempt's folder
    const std::string step = "step" + std::to_string(plan.step->index);
    dir_ = campaign_dir_ / "attempts" / file_safe(plan.task->id) / file_safe(plan.step->route_id) /
           repeat / step;
    slug_ = file_safe(plan.task->id) + "." + file_safe(plan.step->route_id) + "." + repeat + "." +
            step;
  }
}

Status AttemptPaths::create() const {
  // A resumed attempt starts over: logs of a run that was killed before its record are stale.
  LANDED_TRY_STATUS(remove_tree(dir_));
  return make_directories(dir_);
}

std::string AttemptPaths::relative(const std::filesystem::path& path) const {
  return std::filesystem::relative(path, campaign_dir_).generic_string();
}

}  // namespace landed
