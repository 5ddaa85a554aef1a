#include "harness/mine/mine.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "harness/base/clock.h"
#include "harness/base/files.h"
#include "harness/campaign/campaign.h"
#include "harness/campaign/task_validation.h"
#include "harness/mine/candidates.h"
#include "harness/mine/mined_task_writer.h"
#include "harness/mine/test_paths.h"
#include "harness/mine/verify_detect.h"
#include "harness/task/suite.h"

namespace landed {

namespace fs = std::filesystem;

namespace {

std::string prompt_for(const MineCandidate& candidate, const MineOptions& options) {
  for (const auto& [key, text] : options.prompts)
    if (!key.empty() && candidate.commit.sha.starts_with(key)) return text;
  if (!candidate.commit.body.empty()) return candidate.commit.body;
  return candidate.commit.summary.empty() ? "Make the failing tests pass." : candidate.commit.summary;
}

Result<std::string> verify_for(const MineCandidate& candidate, const MineOptions& options,
                               const GitHistory& history) {
  std::optional<std::string> command = options.verify;
  if (!command)
    command = detect_verify_command(
        [&](const std::string& name) -> std::optional<std::string> {
          Result<FileBlob> blob = history.file_at(candidate.commit.sha, name);
          if (!blob.ok()) return std::nullopt;
          return blob->contents;
        },
        candidate.tests);
  if (!command) return make_error("no test runner detected: pass --verify \"CMD {{tests}}\"");
  return expand_tests(*command, candidate.tests);
}

MinedCommitResult result_of(const MineCandidate& c, bool kept, std::string reason) {
  return {c.commit.sha, c.task_id, c.commit.summary, kept, std::move(reason)};
}

/// Candidate tasks in `staging`; those that could not be written are reported at once.
Status stage_candidates(const std::vector<MineCandidate>& candidates, const GitHistory& history,
                        const MineOptions& options, const fs::path& staging, MineReport& report) {
  LANDED_TRY_STATUS(make_directories(staging));
  LANDED_TRY_STATUS(write_file(staging / "suite.toml", "name = \"mined\"\n"));
  const std::string url = absolute_dir(options.repo).string();
  for (const MineCandidate& candidate : candidates) {
    Result<std::string> verify = verify_for(candidate, options, history);
    if (!verify.ok()) {
      report.results.push_back(result_of(candidate, false, verify.error().message));
      continue;
    }
    MinedTaskSpec spec{url, *verify, options.verify_timeout_s, prompt_for(candidate, options)};
    LANDED_TRY_STATUS(write_mined_task(staging / candidate.task_id, candidate, history, spec));
  }
  return ok_status();
}

bool any_timed_out(const std::vector<const Record*>& records) {
  for (const Record* r : records)
    if (r->verify && r->verify->timed_out) return true;
  return false;
}

int pass_count(const std::vector<const Record*>& records) {
  int n = 0;
  for (const Record* r : records) n += r->outcome == Outcome::kPass ? 1 : 0;
  return n;
}

/// Why a validated candidate is dropped, in the words of the mining report; empty: keep it.
std::string drop_reason(const Task& task, const std::vector<const Record*>& noop,
                        const std::vector<const Record*>& oracle,
                        const std::vector<const Record*>& probe, const fs::path& campaign) {
  if (any_timed_out(noop) || any_timed_out(oracle))
    return fmt::format("slow: the verify command timed out after {} s",
                       task.verify.timeout_s.value_or(0));
  const int noop_passes = pass_count(noop);
  const int oracle_passes = pass_count(oracle);
  if (noop_passes > 0 && noop_passes < static_cast<int>(noop.size()))
    return fmt::format("flaky: the tests passed {} of {} runs at the parent", noop_passes, noop.size());
  if (oracle_passes > 0 && oracle_passes < static_cast<int>(oracle.size()))
    return fmt::format("flaky: the tests passed {} of {} runs after the fix", oracle_passes,
                       oracle.size());
  const TaskVerdict verdict =
      with_probe(judge_task(task, noop, oracle, campaign), noop, probe, "", campaign);
  if (verdict.sound) return "";
  if (verdict.phase == ValidationPhase::kNoopVerify && noop_passes > 0)
    return "tests already pass at the parent";
  if (verdict.phase == ValidationPhase::kOracleVerify && oracle_passes == 0)
    return "tests fail after the fix";
  return verdict.reason;
}

Status validate_staged(const fs::path& staging, const MineOptions& options, MineReport& report,
                       std::vector<MineCandidate>& kept, const std::vector<MineCandidate>& all) {
  LANDED_TRY(Suite suite, load_suite(staging));
  if (!suite.task_errors.empty()) return suite.task_errors.front().with_context("a mined task");
  if (suite.tasks.empty()) return ok_status();
  CampaignConfig config;
  config.contenders = {builtin_contender("noop"), builtin_contender("oracle"),
                       builtin_contender("hack-probe")};
  RunOptions run;
  run.out_dir = staging.parent_path() / "validation";
  run.cache_dir = options.cache_dir;
  run.jobs = options.jobs;
  run.repeats = options.repeats;
  run.infra_retries = 0;
  LANDED_TRY(CampaignResult result, run_campaign(suite, config, run));
  if (result.failure) return result.failure->with_context("validating the candidates");
  std::map<std::string, std::map<std::string, std::vector<const Record*>>> by_task;
  for (const Record& r : result.records) by_task[r.task_id][r.contender.id].push_back(&r);
  for (const MineCandidate& candidate : all) {
    const auto task = std::find_if(suite.tasks.begin(), suite.tasks.end(),
                                    [&](const Task& t) { return t.id == candidate.task_id; });
    if (task == suite.tasks.end()) continue;  // reported when staged
    auto& runs = by_task[task->id];
    std::string reason = drop_reason(*task, runs["noop"], runs["oracle"], runs["hack-probe"],
                                     run.out_dir);
    const bool sound = reason.empty();
    if (sound) kept.push_back(candidate);
    report.results.push_back(result_of(candidate, sound, std::move(reason)));
  }
  return ok_status();
}

/// Moves the sound tasks from staging into the suite; a task folder already there stays.
Status publish_kept(const std::vector<MineCandidate>& kept, const fs::path& staging,
                    const fs::path& out, MineReport& report) {
  if (!fs::exists(out / "suite.toml"))
    LANDED_TRY_STATUS(  // no name: the suite is named after its folder
        write_file(out / "suite.toml", "description = \"Mined by landed tasks mine\"\n"));
  for (const MineCandidate& candidate : kept) {
    if (fs::exists(out / candidate.task_id)) {
      for (MinedCommitResult& r : report.results)
        if (r.sha == candidate.commit.sha) r = result_of(candidate, false, "already in the suite");
      continue;
    }
    std::error_code ec;
    fs::rename(staging / candidate.task_id, out / candidate.task_id, ec);
    if (ec) return make_error("rename({}) failed: {}", (out / candidate.task_id).string(), ec.message());
  }
  return ok_status();
}

}  // namespace

Result<MineReport> mine_tasks(const MineOptions& options) {
  Stopwatch scan_clock;
  LANDED_TRY(GitHistory history, GitHistory::open(options.repo));
  LANDED_TRY(std::vector<HistoryCommit> commits, history.commits(options.range));
  const std::vector<std::string> globs =
      options.test_globs.empty() ? default_test_globs() : options.test_globs;
  CandidateSelection selection = select_candidates(commits, globs);
  MineReport report;
  report.considered = commits.size();
  report.candidates = selection.candidates.size();
  for (const SkippedCommit& s : selection.skipped)
    report.results.push_back({s.sha, "", s.summary, false, s.reason});
  LANDED_TRY_STATUS(make_directories(options.out));
  LANDED_TRY(TempDir work, TempDir::create(options.out, ".mining-"));
  const fs::path staging = work.path() / "candidates";
  LANDED_TRY_STATUS(stage_candidates(selection.candidates, history, options, staging, report));
  report.scan_s = scan_clock.seconds();
  Stopwatch validate_clock;
  std::vector<MineCandidate> kept;
  LANDED_TRY_STATUS(validate_staged(staging, options, report, kept, selection.candidates));
  report.validate_s = validate_clock.seconds();
  LANDED_TRY_STATUS(publish_kept(kept, staging, options.out, report));
  return report;
}

Result<std::map<std::string, std::string>> read_prompts(const fs::path& path) {
  LANDED_TRY(std::string text, read_file(path));
  auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object())
    return make_error("{}: --prompt-from wants a JSON object {{\"<commit sha>\": \"issue text\"}}",
                      path.string());
  std::map<std::string, std::string> prompts;
  for (const auto& [key, value] : json.items()) {
    if (!value.is_string()) return make_error("{}: the prompt of {} is not a string", path.string(), key);
    prompts[key] = value.get<std::string>();
  }
  return prompts;
}

}  // namespace landed
