// Where one attempt's files live in the campaign folder:
//   <campaign>/attempts/<task>/<contender>/r<repeat>/{prompt.md,agent.stdout,agent.stderr,
//                                                     patch.diff,check.log,verify.log}
#pragma once

#include <filesystem>
#include <string>

#include "harness/base/error.h"

namespace landed {

struct AttemptPlan;

class AttemptPaths {
 public:
  AttemptPaths(std::filesystem::path campaign_dir, const AttemptPlan& plan);
  Status create() const;
  const std::filesystem::path& dir() const { return dir_; }
  /// `path` relative to the campaign folder, as records store it.
  std::string relative(const std::filesystem::path& path) const;
  /// A file-name-safe form of the attempt id, for temporary folders.
  const std::string& slug() const { return slug_; }

 private:
  std::filesystem::path campaign_dir_;
  std::filesystem::path dir_;
  std::string slug_;
};

/// A file name that stands for `text` alone: every byte outside [A-Za-z0-9_@.-] (and a leading
/// '.') becomes %XX, so two different ids never share a folder. The empty text is "%".
std::string file_safe(std::string_view text);

}  // namespace landed
