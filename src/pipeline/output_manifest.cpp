#include "pipeline/output_manifest.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>

#include "output_file.hpp"

namespace evtxcar {

namespace {
constexpr const char* manifest_name = "manifest.json";
}  // namespace

std::vector<std::string> read_output_manifest(const std::filesystem::path& state_folder,
                                              const std::vector<std::string>& known_names) {
    std::ifstream in(state_folder / manifest_name, std::ios::binary);
    if (!in) return {};
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // The names evtxcar writes need no JSON escaping, so each is found as
    // "name" inside the "files" array; anything else in it is ignored.
    const auto files = text.find("\"files\"");
    if (files == std::string::npos) return {};
    const auto open = text.find('[', files);
    const auto close = open == std::string::npos ? std::string::npos : text.find(']', open);
    if (close == std::string::npos) return {};
    const std::string_view list = std::string_view(text).substr(open, close - open);
    std::vector<std::string> listed;
    for (const std::string& name : known_names) {
        if (list.find("\"" + name + "\"") != std::string_view::npos) listed.push_back(name);
    }
    return listed;
}

result<bool> write_output_manifest(const std::filesystem::path& state_folder, const std::string& tool_version,
                                   const std::vector<std::string>& names) {
    auto created = output_file::create(state_folder / manifest_name);
    if (!created) return created.error();
    output_file& file = created.value();
    file.write("{\n  \"tool\": \"evtxcar\",\n  \"version\": \"");
    file.write(tool_version);
    file.write("\",\n  \"files\": [");
    for (std::size_t i = 0; i < names.size(); ++i) {
        file.write(i == 0 ? "\n    \"" : ",\n    \"");
        file.write(names[i]);
        file.put('"');
    }
    file.write(names.empty() ? "]\n}\n" : "\n  ]\n}\n");
    auto completed = file.complete();
    if (!completed) return completed.error();
    return file.publish();
}

}  // namespace evtxcar
