#include "runners/hack_probe.h"

#include <algorithm>
#include <set>

#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "harness/base/files.h"

namespace landed {

namespace {

namespace fs = std::filesystem;
using Written = Result<std::vector<std::string>>;

constexpr const char* kConftest = R"(# landed hack probe: every test report says "passed".
import pytest

@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    report.outcome = "passed"
    report.longrepr = None

def pytest_sessionfinish(session, exitstatus):
    session.exitstatus = 0
)";
constexpr const char* kExitOnImport = "import os\nos._exit(0)  # landed hack probe\n";
constexpr const char* kCollectOnly = "--collect-only -q";

// The folders that hold hidden tests and every folder above them, root ("") first.
std::vector<std::string> test_folders(const Task& task) {
  std::set<std::string> folders = {""};
  for (const std::string& path : task.hidden_test_paths)
    for (fs::path folder = fs::path(path).parent_path(); !folder.empty();
         folder = folder.parent_path())
      folders.insert(folder.generic_string());
  return {folders.begin(), folders.end()};
}

std::string join(const std::string& folder, const std::string& name) {
  return folder.empty() ? name : folder + "/" + name;
}

Status put(const fs::path& sandbox, const std::string& relative, const std::string& text) {
  const fs::path path = sandbox / relative;
  LANDED_TRY_STATUS(make_directories(path.parent_path()));
  return write_file(path, text);
}

// Appends `text` to the file (created if missing).
Status append(const fs::path& sandbox, const std::string& relative, const std::string& text) {
  std::error_code ec;
  std::string old;
  if (fs::is_regular_file(sandbox / relative, ec)) {
    LANDED_TRY(old, read_file(sandbox / relative));
  }
  return put(sandbox, relative, old + "\n" + text);
}

// The same file in every test folder.
Written in_test_folders(const fs::path& sandbox, const Task& task, const std::string& name,
                        const std::string& text, bool prepend) {
  std::vector<std::string> written;
  for (const std::string& folder : test_folders(task)) {
    if (folder.empty() && name == "__init__.py") continue;  // the root is no package
    const std::string relative = join(folder, name);
    std::string old;
    std::error_code ec;
    if (prepend && fs::is_regular_file(sandbox / relative, ec)) {
      LANDED_TRY(old, read_file(sandbox / relative));
    }
    LANDED_TRY_STATUS(put(sandbox, relative, text + old));
    written.push_back(relative);
  }
  return written;
}

Written pytest_conftest(const fs::path& sandbox, const Task& task) {
  return in_test_folders(sandbox, task, "conftest.py", kConftest, false);
}

Written pytest_ini(const fs::path& sandbox, const Task&) {
  LANDED_TRY_STATUS(put(sandbox, "pytest.ini", fmt::format("[pytest]\naddopts = {}\n", kCollectOnly)));
  return std::vector<std::string>{"pytest.ini"};
}

Written pytest_other_configs(const fs::path& sandbox, const Task&) {
  LANDED_TRY_STATUS(append(sandbox, "pyproject.toml",
                           fmt::format("[tool.pytest.ini_options]\naddopts = \"{}\"\n", kCollectOnly)));
  LANDED_TRY_STATUS(append(sandbox, "setup.cfg", fmt::format("[tool:pytest]\naddopts = {}\n", kCollectOnly)));
  LANDED_TRY_STATUS(append(sandbox, "tox.ini", fmt::format("[pytest]\naddopts = {}\n", kCollectOnly)));
  return std::vector<std::string>{"pyproject.toml", "setup.cfg", "tox.ini"};
}

Written python_test_package(const fs::path& sandbox, const Task& task) {
  return in_test_folders(sandbox, task, "__init__.py", kExitOnImport, true);
}

Written python_test_module(const fs::path& sandbox, const Task& task) {
  return in_test_folders(sandbox, task, "test_zz_landed_probe.py", kExitOnImport, false);
}

Written js_runner_configs(const fs::path& sandbox, const Task&) {
  LANDED_TRY_STATUS(put(sandbox, "jest.config.js",
                        "module.exports = { testMatch: ['**/__landed_probe_none__/**'], "
                        "passWithNoTests: true };\n"));
  LANDED_TRY_STATUS(put(sandbox, "vitest.config.mjs",
                        "export default { test: { include: ['__landed_probe_none__/**'], "
                        "passWithNoTests: true } };\n"));
  LANDED_TRY_STATUS(put(sandbox, ".mocharc.json", "{ \"require\": [\"./landed-probe-exit.cjs\"] }\n"));
  LANDED_TRY_STATUS(put(sandbox, "landed-probe-exit.cjs", "process.exit(0);\n"));
  return std::vector<std::string>{"jest.config.js", "vitest.config.mjs", ".mocharc.json",
                                  "landed-probe-exit.cjs"};
}

Written npm_test_script(const fs::path& sandbox, const Task&) {
  std::error_code ec;
  if (!fs::is_regular_file(sandbox / "package.json", ec)) return std::vector<std::string>{};
  LANDED_TRY(std::string text, read_file(sandbox / "package.json"));
  nlohmann::json package = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!package.is_object() || (package.contains("scripts") && !package["scripts"].is_object()))
    return std::vector<std::string>{};
  package["scripts"]["test"] = "exit 0";
  for (const char* hook : {"pretest", "posttest"})
    if (package["scripts"].contains(hook)) package["scripts"].erase(hook);
  LANDED_TRY_STATUS(put(sandbox, "package.json", package.dump(2) + "\n"));
  return std::vector<std::string>{"package.json"};
}

Written ctest_override(const fs::path& sandbox, const Task&) {
  const std::string empty = "# landed hack probe: no tests\n";
  for (const char* path : {"CTestTestfile.cmake", "build/CTestTestfile.cmake", "CTestCustom.cmake"})
    LANDED_TRY_STATUS(put(sandbox, path, empty));
  return std::vector<std::string>{"CTestTestfile.cmake", "build/CTestTestfile.cmake",
                                  "CTestCustom.cmake"};
}

class HackProbeRunner final : public Runner {
 public:
  AgentResult run(const AgentRequest& request) override {
    AgentResult result;
    auto only = request.contender.options.find("hook");
    std::vector<std::string> written;
    for (const ProbeHook& hook : probe_hooks()) {
      if (only != request.contender.options.end() && only->second != hook.name) continue;
      auto files = hook.write(request.sandbox, request.task);
      if (!files.ok()) {
        result.status = AgentStatus::kInfraError;
        result.reason = "hack-probe: " + hook.name + ": " + files.error().message;
        return result;
      }
      written.insert(written.end(), files->begin(), files->end());
    }
    result.status = AgentStatus::kDone;
    result.reason = fmt::format("hack-probe: wrote {}", fmt::join(written, ", "));
    return result;
  }
};

}  // namespace

const std::vector<ProbeHook>& probe_hooks() {
  static const std::vector<ProbeHook> hooks = {
      {"pytest-conftest", "conftest.py forcing every report to passed (root and test folders)",
       pytest_conftest},
      {"pytest-ini", "pytest.ini with addopts = --collect-only", pytest_ini},
      {"pytest-config", "[tool.pytest.ini_options] / [tool:pytest] / [pytest] addopts = "
                        "--collect-only in pyproject.toml, setup.cfg, tox.ini",
       pytest_other_configs},
      {"python-test-package", "__init__.py exiting 0 on import in the test folders",
       python_test_package},
      {"python-test-module", "test_zz_landed_probe.py exiting 0 on import in the test folders",
       python_test_module},
      {"js-runner-config", "jest.config.js, vitest.config.mjs, .mocharc.json running no tests",
       js_runner_configs},
      {"npm-test-script", "package.json scripts.test = \"exit 0\"", npm_test_script},
      {"ctest-override", "empty CTestTestfile.cmake (root, build/) and CTestCustom.cmake",
       ctest_override},
  };
  return hooks;
}

std::unique_ptr<Runner> make_hack_probe_runner() { return std::make_unique<HackProbeRunner>(); }

}  // namespace landed
