#include "harness/mine/verify_detect.h"

namespace landed {
namespace {

bool any_ends_with(const std::vector<std::string>& paths, std::string_view suffix) {
  for (const std::string& path : paths)
    if (path.ends_with(suffix)) return true;
  return false;
}

std::optional<std::string> node_command(const std::string& package_json) {
  if (package_json.find("\"vitest\"") != std::string::npos) return "npx vitest run {tests}";
  if (package_json.find("\"jest\"") != std::string::npos) return "npx jest {tests}";
  return "npm test";
}

std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::optional<std::string> detect_verify_command(
    const std::function<std::optional<std::string>(const std::string&)>& read_root_file,
    const std::vector<std::string>& test_paths) {
  if (read_root_file("Cargo.toml")) return "cargo test --offline -q";
  if (read_root_file("go.mod")) return "go test ./...";
  if (auto package = read_root_file("package.json")) return node_command(*package);
  for (const char* marker : {"pyproject.toml", "setup.py", "setup.cfg", "pytest.ini", "tox.ini"})
    if (read_root_file(marker)) return "python3 -m pytest -q {tests}";
  if (any_ends_with(test_paths, ".py")) return "python3 -m pytest -q {tests}";
  if (read_root_file("CMakeLists.txt"))
    return "cmake -S . -B build >/dev/null && cmake --build build -j2 && "
           "ctest --test-dir build --output-on-failure";
  return std::nullopt;
}

std::string expand_tests(const std::string& command, const std::vector<std::string>& test_paths) {
  std::string quoted;
  for (const std::string& path : test_paths) quoted += (quoted.empty() ? "" : " ") + shell_quote(path);
  std::string out = command;
  for (auto at = out.find("{tests}"); at != std::string::npos; at = out.find("{tests}", at + quoted.size()))
    out.replace(at, 7, quoted);
  return out;
}

}  // namespace landed
