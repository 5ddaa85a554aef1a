#include "harness/campaign/attempt.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include <fmt/ranges.h>

#include "harness/base/clock.h"
#include "harness/base/files.h"
#include "harness/base/sha256.h"
#include "harness/campaign/attempt_isolation.h"
#include "harness/campaign/attempt_metering.h"
#include "harness/campaign/attempt_paths.h"
#include "harness/campaign/env_file.h"
#include "harness/campaign/setup_step.h"
#include "harness/campaign/task_environment.h"
#include "harness/campaign/route_attempt.h"
#include "harness/campaign/shell_command.h"
#include "harness/task/protected_paths.h"
#include "runners/registry.h"

namespace landed {
namespace {

constexpr int kDefaultVerifyTimeoutS = 300;

Record start_record(const AttemptPlan& plan, const AttemptContext& context, bool simulated) {
  Record r;
  r.campaign_id = context.campaign_id;
  r.attempt_id = plan.attempt_id();
  r.task_id = plan.task->id;
  r.task_digest = plan.task->digest;
  r.task_difficulty = plan.task->difficulty;
  r.task_tags = plan.task->tags;
  r.contender = plan.contender->info(simulated);
  r.repeat = plan.repeat;
  r.started_at = utc_now_iso8601();
  r.host = host_name();
  r.scoring_version = kScoringVersion;
  return r;
}

Record& set_outcome(Record& r, Outcome outcome, std::string reason) {
  r.outcome = outcome;
  r.reason = std::move(reason);
  return r;
}

Result<BaseCommit> base_commit(const Task& task, BaseCache& bases) {
  if (!task.repo) return bases.from_workspace(task.digest, task.workspace_dir);
  LANDED_TRY(BaseCommit base, bases.from_repository(task.repo->url, task.repo->rev));
  base.agent_history = task.repo->keep_ancestors;
  return base;
}

std::uint64_t attempt_seed(const std::string& key) {
  const std::string hex = sha256_hex(key).substr(0, 16);
  return std::stoull(hex, nullptr, 16);
}

ProcessInfo process_info(const ProcessResult& p, std::string log_path) {
  return ProcessInfo{p.exit_code, p.signal, p.timed_out, p.cpu_user_s + p.cpu_sys_s,
                     p.max_rss_kb, std::move(log_path)};
}

Outcome outcome_of(AgentStatus status) {
  switch (status) {
    case AgentStatus::kTimeout: return Outcome::kTimeout;
    case AgentStatus::kOverBudget: return Outcome::kOverBudget;
    case AgentStatus::kInfraError: return Outcome::kInfraError;
    default: return Outcome::kAgentError;
  }
}

std::vector<std::string> guarded_edits(const std::map<std::string, PathGuard>& guards,
                                       PathGuard kind) {
  std::vector<std::string> edits;
  for (const auto& [path, guard] : guards)
    if (guard == kind) edits.push_back(path);
  return edits;  // sorted: map order
}

/// Everything one attempt holds while it runs; the steps are its member functions.
class AttemptRun {
 public:
  AttemptRun(const AttemptPlan& plan, const AttemptContext& context)
      : plan_(plan), task_(*plan.task), context_(context), paths_(context.campaign_dir, plan) {}

  Record run() {
    auto runner = make_runner(*plan_.contender);
    record_ = start_record(plan_, context_, runner.ok() && (*runner)->simulated());
    record_.isolation = isolation_info(context_.isolation, !plan_.contender->network);
    if (!runner.ok()) return finish(Outcome::kInfraError, runner.error().message);
    if (auto prepared = prepare(); !prepared.ok())
      return finish(Outcome::kInfraError, prepared.error().message);
    AgentResult agent = run_agent(**runner);
    auto patch = capture_patch();
    if (!patch.ok()) return finish(Outcome::kInfraError, patch.error().message);
    if (agent.status != AgentStatus::kDone) return finish(outcome_of(agent.status), agent.reason);
    if (patch->text.size() > static_cast<size_t>(context_.max_patch_bytes))
      return finish(Outcome::kAgentError, fmt::format("the candidate patch is {} bytes, over the "
                                                      "cap of {}", patch->text.size(),
                                                      context_.max_patch_bytes));
    run_check();
    return verify(*patch);
  }

 private:
  Status prepare() {
    Stopwatch clock;
    LANDED_TRY_STATUS(paths_.create());
    auto work = TempDir::create(context_.work_root, paths_.slug() + "-");
    if (!work.ok()) return work.error().with_context("sandbox");
    work_.emplace(std::move(work).value());
    if (context_.keep_sandboxes) work_->keep();
    dirs_.work = work_->path();
    for (const auto& dir : {dirs_.scratch(), dirs_.home(), dirs_.tmp()})
      LANDED_TRY_STATUS(make_directories(dir));
    auto base = base_commit(task_, *context_.bases);
    if (!base.ok()) return base.error().with_context("base commit of task " + task_.id);
    base_ = std::move(base).value();
    if (task_.repo) record_.task_base_commit = base_->commit_oid;  // reuse is keyed by it
    env_ = resolve_environment(task_.environment, HostEnvironment::current());
    if (task_.setup) {
      sandbox_s_ += clock.seconds();
      LANDED_TRY_STATUS(apply_setup());
      clock = Stopwatch();
    }
    auto sandbox = make_agent_sandbox(*base_, work_->path() / "agent");
    if (!sandbox.ok()) return sandbox.error().with_context("agent sandbox");
    sandbox_ = std::move(sandbox).value();
    if (plan_.step) {  // a route step that carries the previous step's work starts from it
      LANDED_TRY_STATUS(apply_patch_in_place(sandbox_->root, plan_.step->start_patch));
    }
    sandbox_s_ += clock.seconds();
    return ok_status();
  }

  /// The task's setup layer becomes the base of every sandbox of this attempt.
  Status apply_setup() {
    auto layer = setup_layer_for(task_, env_, *base_, paths_.dir() / "setup.log", work_->path(),
                                 *context_.processes);
    if (!layer.ok())
      return Error{fmt::format("{}: {} (log: {})", kSetupFailed, layer.error().message,
                               paths_.relative(paths_.dir() / "setup.log"))};
    base_ = layer->base;
    if (layer->built_now) record_.timing.setup_s = layer->setup_s;
    return ok_status();
  }

  AgentResult run_agent(Runner& runner) {
    Stopwatch clock;
    const std::string key = plan_.attempt_key();
    AgentRequest request{task_,           *plan_.contender,     sandbox_->root,
                         paths_.dir(),    record_.attempt_id,   sha256_hex(key).substr(0, 24),
                         attempt_seed(key), *context_.processes, context_.price_usage,
                         dirs_.scratch(),
                         agent_isolation(context_.isolation, plan_.contender->network,
                                         sandbox_->root, dirs_, env_.read_only_paths),
                         env_.variables};
    auto lease = open_attempt_meter(context_.meter, *plan_.contender, record_.attempt_id,
                                    context_.price_usage);
    if (!lease.ok()) return agent_infra_error("metering: " + lease.error().message);
    if (*lease) {
      request.meter_base_url = (*lease)->base_url();
      request.stop_fd = (*lease)->stop_fd();
    }
    AgentResult agent = runner.run(request);
    std::optional<MeterReport> metered;
    if (*lease) metered = (*lease)->close();
    if (metered) apply_meter_to_agent(*metered, agent);
    record_.timing.agent_s = clock.seconds();
    record_.usage = agent.usage;
    if (metered) settle_meter(*metered, !(agent.process && (agent.process->stopped ||
                                                             agent.process->timed_out)));
    else record_.usage_source = "tool";
    record_.agent.status = std::string(to_string(agent.status));
    record_.agent.limit_hit = agent.limit_hit;
    record_.agent.model_reported = agent.model_reported;
    if (agent.process) record_.agent.process = process_info(*agent.process, "");
    if (agent.process) lines_cut_ = agent.process->stdout_lines_cut;
    if (!agent.stdout_path.empty()) record_.agent.process.log_path = paths_.relative(agent.stdout_path);
    if (!agent.stderr_path.empty()) record_.agent.stderr_path = paths_.relative(agent.stderr_path);
    return agent;
  }

  /// The patch as saved: over the cap, its first max_patch_bytes and a line that says so
  /// (an agent that writes gigabytes does not get them copied into the campaign).
  std::string capped_patch_text(const std::string& text) {
    const auto cap = static_cast<std::size_t>(context_.max_patch_bytes);
    if (text.size() <= cap) return text;
    record_.patch.truncated = true;
    return text.substr(0, cap) + fmt::format("\n[landed: patch truncated: the first {} of {} bytes "
                                             "are kept]\n", cap, text.size());
  }

  static AgentResult agent_infra_error(std::string reason) {
    AgentResult agent;
    agent.status = AgentStatus::kInfraError;
    agent.reason = std::move(reason);
    return agent;
  }

  void settle_meter(const MeterReport& report, bool tool_report_final) {
    apply_meter_to_record(report, context_.price_usage, tool_report_final, record_);
    // The call log is evidence, not the outcome: a write failure is noted in the reason.
    if (Status logged = write_meter_logs(report, paths_.dir(), context_.keep_traffic, *plan_.contender);
        !logged.ok())
      meter_note_ = " [the metering call log could not be written: " + logged.error().message + "]";
  }

  Result<CandidatePatch> capture_patch() {
    Stopwatch clock;
    auto patch = diff_against_base(*sandbox_, *base_);
    if (!patch.ok()) return patch.error().with_context("could not diff the agent's sandbox");
    record_.patch.bytes = static_cast<std::int64_t>(patch->text.size());
    record_.patch.files_changed = patch->files_changed;
    ProtectedPaths guarded = protected_paths(task_);
    guarded.hide_folders_not_in_base(
        [this](std::string_view folder) { return base_has_folder(*base_, folder); });
    guards_ = guarded.guard_patch(patch->paths);
    record_.patch.hidden_test_edits = guarded_edits(guards_, PathGuard::kHiddenTest);
    record_.patch.protected_edits = guarded_edits(guards_, PathGuard::kProtected);
    if (!patch->text.empty()) {
      LANDED_TRY_STATUS(write_file(paths_.dir() / "patch.diff", capped_patch_text(patch->text)));
      record_.patch.path = paths_.relative(paths_.dir() / "patch.diff");
    }
    sandbox_s_ += clock.seconds();
    return patch;
  }

  void run_check() {
    if (!task_.check) return;
    Stopwatch clock;
    const auto log = paths_.dir() / "check.log";
    auto result = run_shell_command(*context_.processes, task_.check->command, sandbox_->root, log,
                                    task_.check->timeout_s.value_or(kDefaultVerifyTimeoutS),
                                    work_->path(),
                                    with_toolchains(command_isolation(context_.isolation,
                                                                      task_.check->network_host,
                                                                      sandbox_->root, dirs_),
                                                    env_.read_only_paths),
                                    env_.variables);
    record_.timing.check_s = clock.seconds();
    // A check that cannot start tells routing nothing; the record keeps it as a null exit code.
    record_.check = result.ok() ? process_info(*result, paths_.relative(log))
                                : ProcessInfo{std::nullopt, std::nullopt, false, std::nullopt,
                                              std::nullopt, paths_.relative(log)};
  }

  // Hidden-test and protected paths stay as in the base: the patch's edits to them are left out.
  bool keep_base(std::string_view path) const {
    auto found = guards_.find(std::string(path));
    return found != guards_.end() && found->second != PathGuard::kFree;
  }

  Record verify(const CandidatePatch& patch) {
    Stopwatch clock;
    const auto dir = work_->path() / "verify";
    auto checkout = make_patched_checkout(*base_, patch, dir,
                                          [this](std::string_view path) { return keep_base(path); });
    if (!checkout.ok()) return verify_sandbox_failed(patch, checkout.error());
    if (Status overlaid = overlay_tree(task_.tests_dir, *checkout); !overlaid.ok())
      return finish(Outcome::kInfraError, "could not overlay the hidden tests: " +
                                              overlaid.error().message);
    sandbox_s_ += clock.seconds();
    Stopwatch verify_clock;
    const auto log = paths_.dir() / "verify.log";
    write_verify_env();
    auto result = run_shell_command(*context_.processes, task_.verify.command, *checkout, log,
                                    task_.verify.timeout_s.value_or(kDefaultVerifyTimeoutS),
                                    work_->path(),
                                    with_toolchains(command_isolation(context_.isolation,
                                                                      task_.verify.network_host,
                                                                      *checkout, dirs_),
                                                    env_.read_only_paths),
                                    env_.variables);
    record_.timing.verify_s = verify_clock.seconds();
    if (!result.ok())
      return finish(Outcome::kInfraError, "the verify command could not start: " +
                                              result.error().message);
    record_.verify = process_info(*result, paths_.relative(log));
    return finish_verified(*result);
  }

  // The base alone checks out: then the patch, i.e. what the agent made, is what broke.
  Record verify_sandbox_failed(const CandidatePatch& patch, const Error& error) {
    const auto probe = work_->path() / "verify-base";
    const bool base_ok = !patch.text.empty() && make_patched_checkout(*base_, {}, probe).ok();
    (void)remove_tree(probe);
    if (base_ok)
      return finish(Outcome::kFail, "the candidate patch does not apply to the base: " +
                                        error.message);
    return finish(Outcome::kInfraError, "could not build the verify sandbox: " + error.message);
  }

  /// env.txt: what verify ran with, secrets masked, so a failing verify can be rerun by hand.
  void write_verify_env() {
    std::vector<std::string> secrets;
    for (const auto& [key, source] : plan_.contender->env_from)
      if (const char* value = std::getenv(source.c_str())) secrets.emplace_back(value);
    (void)write_env_file(paths_.dir() / "env.txt", shell_environment(work_->path(), env_.variables),
                         secrets);
  }

  Record finish_verified(const ProcessResult& result) {
    if (result.timed_out)
      return finish(Outcome::kFail, fmt::format("the hidden tests timed out after {} s",
                                                task_.verify.timeout_s.value_or(kDefaultVerifyTimeoutS)));
    if (result.exit_code == 0) return finish(Outcome::kPass, "the hidden tests passed");
    if (result.exit_code)
      return finish(Outcome::kFail, fmt::format("the hidden tests failed (exit status {})",
                                                *result.exit_code));
    return finish(Outcome::kFail, fmt::format("the hidden tests were killed by signal {}",
                                              result.signal.value_or(0)));
  }

  Record finish(Outcome outcome, std::string reason) {
    set_outcome(record_, outcome, std::move(reason) + meter_note_);
    if (!record_.patch.hidden_test_edits.empty())
      record_.reason += fmt::format(" [the agent edited hidden-test paths, overwritten: {}]",
                                    fmt::join(record_.patch.hidden_test_edits, ", "));
    if (!record_.patch.protected_edits.empty())
      record_.reason += fmt::format(" [the agent edited protected paths, reset to the base: {}]",
                                    fmt::join(record_.patch.protected_edits, ", "));
    if (sandbox_s_ > 0) record_.timing.sandbox_s = sandbox_s_;
    record_.wall_time_s = total_.seconds();
    record_.finished_at = utc_now_iso8601();
    if (context_.price_record) context_.price_record(record_);
    if (lines_cut_ > 0) {  // an overlong event line was cut: its usage never reached the parser
      record_.price_status = "incomplete";
      record_.cost_usd.reset();
      record_.reason += fmt::format(" [{} line(s) of the agent's output were over the line limit "
                                    "and cut: their usage is lost, the cost unknown]", lines_cut_);
    }
    return std::move(record_);
  }

  const AttemptPlan& plan_;
  const Task& task_;
  const AttemptContext& context_;
  AttemptPaths paths_;
  Record record_;
  Stopwatch total_;
  double sandbox_s_ = 0;
  std::int64_t lines_cut_ = 0;
  std::string meter_note_;
  std::optional<TempDir> work_;
  AttemptWorkDirs dirs_;
  std::optional<BaseCommit> base_;
  std::optional<AgentSandbox> sandbox_;
  std::map<std::string, PathGuard> guards_;  // of the candidate patch's paths
  ResolvedEnvironment env_;
};

}  // namespace

std::string AttemptPlan::attempt_id() const {
  if (step) return fmt::format("{}/{}/r{}/step{}", task->id, step->route_id, repeat, step->index);
  return fmt::format("{}/{}/r{}", task->id, contender->id, repeat);
}

std::string AttemptPlan::attempt_key() const {
  return landed::attempt_key(attempt_id(), task->digest, contender->fingerprint);
}

Record run_attempt(const AttemptPlan& plan, const AttemptContext& context) {
  if (plan.route) return run_route_attempt(plan, context);
  return AttemptRun(plan, context).run();
}

}  // namespace landed
