// The one record parser reads back every field the one writer writes. A field added to
// record.h and record_json.cc but not to record_parser.cc fails here: the full record must set
// every field the writer writes to a non-default value, and must survive writer -> parser.
#include "results/model/record_parser.h"

#include <gtest/gtest.h>

#include "results/model/record_json.h"

namespace landed {
namespace {

using nlohmann::json;

ProcessInfo process(const std::string& log) {
  return ProcessInfo{3, 9, true, 1.25, 2048, log};
}

ContenderInfo contender(const std::string& id) {
  return ContenderInfo{id, "claude-code", "claude-sonnet-4-5", "high", true, "fp-" + id};
}

Usage usage(const std::string& model) {
  Usage u;
  u.add_step(model, TokenUsage{11, 22, 33, 44, 5}, 0.07, 2);
  u.steps = 3;
  u.tool_calls = 4;
  u.cost_usd_reported = 0.09;
  return u;
}

RouteStepInfo route_step() {
  RouteStepInfo step;
  step.contender = contender("cheap");
  step.outcome = Outcome::kFail;
  step.reason = "the visible check failed";
  step.agent_status = "done";
  step.check = process("attempts/t/route/s0/check.log");
  step.escalated_on = "check_failed";
  step.usage = usage("cheap-model");
  step.cost_usd = 0.01;
  step.price_status = "priced";
  step.wall_time_s = 7.5;
  step.log_dir = "attempts/t/route/s0";
  return step;
}

/// A record with every field set to something other than its default.
Record full_record() {
  Record r;
  r.campaign_id = "c1";
  r.attempt_id = "fix-ring/claude/r1";
  r.task_id = "fix-ring";
  r.task_digest = "abc";
  r.task_base_commit = "0123456789abcdef0123456789abcdef01234567";
  r.task_difficulty = "hard";
  r.task_tags = {"c", "ring"};
  r.contender = contender("claude");
  r.repeat = 1;
  r.outcome = Outcome::kPass;
  r.reason = "hidden tests passed";
  r.usage = usage("claude-sonnet-4-5");
  r.cost_usd = 0.5;
  r.price_status = "priced";
  r.unpriced_models = {"mystery-model"};
  r.wall_time_s = 12.5;
  r.timing = PhaseTimes{0.5, 10.0, 1.0, 1.0, 4.0};
  r.agent = AgentInfo{"done", process("attempts/x/agent.out"), "attempts/x/agent.err", "steps",
                      "claude-sonnet-4-5-20250929"};
  r.check = process("attempts/x/check.log");
  r.verify = process("attempts/x/verify.log");
  r.patch = PatchInfo{"attempts/x/patch.diff", 120, 2, {"tests/hidden/test_ring.py"},
                      {"tests/conftest.py"}, true};
  r.infra_retries = 2;
  r.scoring_version = 7;
  r.reused_from = ReusedFrom{"c0", "fix-ring/claude/r1"};
  r.route = RouteInfo{{"cheap", "claude"}, {"check_failed"}, true, {route_step()}};
  r.isolation = IsolationInfo{"landlock", {"network"}};
  r.started_at = "2026-12-03T10:00:00Z";
  r.finished_at = "2026-12-03T10:00:12Z";
  r.host = "node-1";
  return r;
}

/// The dotted paths of the leaves of `value` that hold a default (null, "", [], false, 0).
void default_leaves(const json& value, const std::string& path, std::vector<std::string>& out) {
  if (value.is_object()) {
    for (const auto& [key, item] : value.items()) default_leaves(item, path + "." + key, out);
  } else if (value.is_array()) {
    if (value.empty()) out.push_back(path);
    for (const json& item : value) default_leaves(item, path + "[]", out);
  } else if (value.is_null() || value == json("") || value == json(false) || value == json(0)) {
    out.push_back(path);
  }
}

TEST(RecordParser, TheFullSampleSetsEveryFieldTheWriterWrites) {
  std::vector<std::string> defaults;
  default_leaves(to_json(full_record()), "", defaults);
  EXPECT_TRUE(defaults.empty())
      << "set these in full_record() (a new record field?): " << ::testing::PrintToString(defaults);
}

TEST(RecordParser, ReadsBackEveryFieldTheWriterWrites) {
  const Record written = full_record();
  RecordParser parser;
  Record read;
  Status parsed = parser.parse(to_json_line(written), read, ReadDepth::kFull);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(to_json(read).dump(1), to_json(written).dump(1));
  EXPECT_EQ(read, written);
}

TEST(RecordParser, SummaryDepthKeepsTheSummaryFieldsAndLeavesTheRestDefault) {
  const Record written = full_record();
  RecordParser parser;
  Record read;
  ASSERT_TRUE(parser.parse(to_json_line(written), read, ReadDepth::kSummary).ok());
  EXPECT_EQ(read.attempt_id, written.attempt_id);
  EXPECT_EQ(read.usage, written.usage);
  EXPECT_EQ(read.cost_usd, written.cost_usd);
  EXPECT_EQ(read.scoring_version, written.scoring_version);
  EXPECT_EQ(read.patch, written.patch);  // reports flag tampered attempts
  EXPECT_EQ(read.isolation, written.isolation);  // the site badges weak isolation
  EXPECT_EQ(read.task_base_commit, written.task_base_commit);  // reuse is keyed by it
  EXPECT_EQ(read.reused_from, written.reused_from);  // pooled reports count a copy once
  EXPECT_EQ(read.host, "");
  EXPECT_FALSE(read.route.has_value());
}

TEST(RecordParser, ALineLeavesNothingOfThePreviousLineBehind) {
  RecordParser parser;
  Record read;
  ASSERT_TRUE(parser.parse(to_json_line(full_record()), read, ReadDepth::kFull).ok());
  Record bare;
  bare.campaign_id = "c2";
  bare.attempt_id = "t/noop/r0";
  bare.outcome = Outcome::kFail;
  ASSERT_TRUE(parser.parse(to_json_line(bare), read, ReadDepth::kFull).ok());
  EXPECT_EQ(read, bare);
}

}  // namespace
}  // namespace landed
