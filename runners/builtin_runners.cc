#include "runners/builtin_runners.h"

#include "harness/base/files.h"

namespace landed {
namespace {

class NoopRunner final : public Runner {
 public:
  AgentResult run(const AgentRequest&) override {
    AgentResult result;
    result.status = AgentStatus::kDone;
    result.reason = "noop: changed nothing";
    return result;
  }
};

class OracleRunner final : public Runner {
 public:
  AgentResult run(const AgentRequest& request) override {
    AgentResult result;
    Status applied = overlay_tree(request.task.solution_dir, request.sandbox);
    if (!applied.ok()) {
      result.status = AgentStatus::kInfraError;
      result.reason = "oracle: could not apply the reference solution: " + applied.error().message;
      return result;
    }
    result.status = AgentStatus::kDone;
    result.reason = "oracle: applied the reference solution";
    return result;
  }
};

}  // namespace

std::unique_ptr<Runner> make_noop_runner() { return std::make_unique<NoopRunner>(); }
std::unique_ptr<Runner> make_oracle_runner() { return std::make_unique<OracleRunner>(); }

}  // namespace landed
