#include "harness/sandbox/setup_layer.h"

#include <atomic>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "harness/sandbox/candidate_patch.h"
#include "harness/sandbox/working_copy.h"
#include "tests/harness/sandbox/sandbox_test_support.h"
#include "tests/test_support.h"

namespace landed {
namespace {

namespace fs = std::filesystem;
using testing::put;

class SetupLayerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    put(scratch_ / "ws" / "package.json", "{}\n");
    put(scratch_ / "ws" / ".gitignore", "node_modules/\n");
    auto made = bases_.from_workspace("digest", scratch_ / "ws");
    ASSERT_TRUE(made.ok()) << made.error().message;
    base_ = *made;
  }

  /// A setup that makes node_modules/dep.js and counts its runs.
  SetupStep counting_step(const std::string& key) {
    SetupStep step;
    step.key = key;
    step.log = scratch_ / ("setup-" + std::to_string(logs_++) + ".log");
    step.run = [this, log = step.log](const fs::path& tree) -> Status {
      ++runs_;
      put(tree / "node_modules" / "dep.js", "module.exports = 1;\n");
      return write_file(log, "installed 1 package\n");
    };
    return step;
  }

  testing::ScratchDir scratch_;
  BaseCache bases_{scratch_ / "cache"};
  BaseCommit base_;
  std::atomic<int> runs_{0};
  std::atomic<int> logs_{0};
};

TEST_F(SetupLayerTest, ConcurrentAttemptsRunTheSetupOnceAndLaterCallsReuseIt) {
  std::vector<std::thread> threads;
  std::atomic<int> built{0};
  std::vector<std::string> commits(4);
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&, i] {
      auto layer = setup_layer(base_, counting_step("npm ci"));
      ASSERT_TRUE(layer.ok()) << layer.error().message;
      built += layer->built_now ? 1 : 0;
      commits[i] = layer->base.commit_oid;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(runs_.load(), 1);
  EXPECT_EQ(built.load(), 1);
  for (const auto& c : commits) EXPECT_EQ(c, commits[0]);
  EXPECT_NE(commits[0], base_.commit_oid);
  auto again = setup_layer(base_, counting_step("npm ci"));
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->built_now);
  EXPECT_EQ(runs_.load(), 1);
  EXPECT_EQ(*read_file(again->log), "installed 1 package\n");
  // Another command (or environment) is another layer.
  ASSERT_TRUE(setup_layer(base_, counting_step("npm install")).ok());
  EXPECT_EQ(runs_.load(), 2);
}

TEST_F(SetupLayerTest, SetupOutputsAreInTheSandboxButNotInTheCandidatePatch) {
  auto layer = setup_layer(base_, counting_step("npm ci"));
  ASSERT_TRUE(layer.ok()) << layer.error().message;
  auto sandbox = make_agent_sandbox(layer->base, scratch_ / "attempt");
  ASSERT_TRUE(sandbox.ok()) << sandbox.error().message;
  EXPECT_TRUE(fs::exists(sandbox->root / "node_modules" / "dep.js"));
  put(sandbox->root / "index.js", "require('dep');\n");
  auto patch = diff_against_base(*sandbox, layer->base);
  ASSERT_TRUE(patch.ok()) << patch.error().message;
  EXPECT_EQ(patch->paths, (std::vector<std::string>{"index.js"}));
  ASSERT_TRUE(checkout_base(layer->base, scratch_ / "verify").ok());
  EXPECT_TRUE(fs::exists(scratch_ / "verify" / "node_modules" / "dep.js"));
}

TEST_F(SetupLayerTest, AFailedSetupPublishesNothingAndKeepsItsLog) {
  SetupStep step;
  step.key = "false";
  step.log = scratch_ / "failed.log";
  step.run = [&](const fs::path&) -> Status {
    ++runs_;
    (void)write_file(step.log, "npm ERR! missing script\n");
    return make_error("exit status 1");
  };
  auto layer = setup_layer(base_, step);
  ASSERT_FALSE(layer.ok());
  EXPECT_EQ(layer.error().message, "exit status 1");
  // The same process does not run a failing setup again; the log is still written.
  step.log = scratch_ / "failed-again.log";
  ASSERT_FALSE(setup_layer(base_, step).ok());
  EXPECT_EQ(runs_.load(), 1);
  EXPECT_EQ(*read_file(scratch_ / "failed-again.log"), "npm ERR! missing script\n");
  for (const auto& entry : fs::directory_iterator(scratch_ / "cache"))
    EXPECT_FALSE(entry.path().filename().string().ends_with(".git") &&
                 entry.path().filename().string().starts_with("setup-"))
        << entry.path();
}

}  // namespace
}  // namespace landed
