// The site's static assets (CSS, JS), compiled into landed from results/site/assets/ at build
// time so a published site needs nothing but the binary.
#pragma once

#include <string_view>
#include <vector>

namespace landed::site {

struct Asset {
  std::string_view name;     // file name under the site's assets/ folder
  std::string_view content;
};

const std::vector<Asset>& site_assets();

}  // namespace landed::site
