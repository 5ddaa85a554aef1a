#include "harness/mine/mined_task_writer.h"

#include <fmt/format.h>

#include "harness/base/files.h"

namespace landed {

namespace fs = std::filesystem;

namespace {

/// A TOML basic string: quotes, backslashes and control characters escaped.
std::string toml_string(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') out += std::string("\\") + static_cast<char>(c);
    else if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c == 0x7f) out += fmt::format("\\u{:04x}", c);
    else out += static_cast<char>(c);
  }
  return out + "\"";
}

std::string task_toml(const MineCandidate& candidate, const MinedTaskSpec& spec) {
  const std::string& summary = candidate.commit.summary;
  return fmt::format(
      "# Mined by `landed tasks mine` from commit {}\n"
      "title = {}\ntags = [\"mined\"]\n\n[repo]\nurl = {}\nrev = {}\n\n"
      "[verify]\ncommand = {}\ntimeout_s = {}\n",
      candidate.commit.sha, toml_string(summary.empty() ? candidate.task_id : summary),
      toml_string(spec.repo_url), toml_string(candidate.commit.parent_sha),
      toml_string(spec.verify), spec.verify_timeout_s);
}

Status copy_files(const GitHistory& history, const std::string& sha,
                  const std::vector<std::string>& paths, const fs::path& into) {
  for (const std::string& path : paths) {
    LANDED_TRY(FileBlob blob, history.file_at(sha, path));
    const fs::path target = into / path;
    LANDED_TRY_STATUS(make_directories(target.parent_path()));
    LANDED_TRY_STATUS(write_file(target, blob.contents));
    if (blob.executable) {
      std::error_code ec;
      fs::permissions(target, fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
                      fs::perm_options::add, ec);
    }
  }
  return ok_status();
}

}  // namespace

Status write_mined_task(const fs::path& dir, const MineCandidate& candidate,
                        const GitHistory& history, const MinedTaskSpec& spec) {
  LANDED_TRY_STATUS(make_directories(dir));
  LANDED_TRY_STATUS(write_file(dir / "task.toml", task_toml(candidate, spec)));
  LANDED_TRY_STATUS(write_file(dir / "prompt.md", spec.prompt + "\n"));
  LANDED_TRY_STATUS(make_directories(dir / "tests"));
  LANDED_TRY_STATUS(make_directories(dir / "solution"));
  LANDED_TRY_STATUS(copy_files(history, candidate.commit.sha, candidate.tests, dir / "tests"));
  return copy_files(history, candidate.commit.sha, candidate.solution, dir / "solution");
}

}  // namespace landed
