// Each `landed` subcommand registers itself on the app from its own file (cmd_*.cc).
#pragma once

#include <CLI/CLI.hpp>

namespace landed::cli {

/// Documented exit codes (README "Exit status"): 0 done, 1 the check failed (validate, compare,
/// a `run --fail-on` threshold), 2 bad usage or input, 3 `run`: a contender had nothing
/// measured, 4 incomplete data (a merge missing records; compare given an incomplete or empty
/// side), 5 `run`: the campaign started but could not go on (a record or campaign.json could
/// not be written), 128 + N stopped by signal N (130 SIGINT, 143 SIGTERM).
inline constexpr int kExitOk = 0;
inline constexpr int kExitCheckFailed = 1;
inline constexpr int kExitBadInput = 2;
/// `landed run`: a contender had no attempt measured (all infra_error, or none started).
inline constexpr int kExitNothingMeasured = 3;
inline constexpr int kExitIncomplete = 4;
/// `landed run`: the campaign started but could not go on; what was recorded stands.
inline constexpr int kExitCampaignFailed = 5;

/// A subcommand's callback stores its exit code here; main returns it.
int& exit_code();

/// Sets the exit code to `code` unless one that ranks higher is set already. When several
/// apply: a signal (128 + N) > 2 bad usage or input > 5 the campaign failed > 4 incomplete data
/// > 3 nothing measured > 1 a check failed > 0.
void raise_exit_code(int code);

/// Prints "landed: <message>" to stderr and raises the exit code to 2.
void fail_bad_input(const std::string& message);

void register_validate(CLI::App& app);
void register_run(CLI::App& app);
void register_report(CLI::App& app);
void register_compare(CLI::App& app);
void register_routes(CLI::App& app);
void register_sim_agent(CLI::App& app);
void register_merge(CLI::App& app);
void register_ingest(CLI::App& app);
void register_publish(CLI::App& app);
void register_prices(CLI::App& app);
void register_tasks(CLI::App& app);

}  // namespace landed::cli
