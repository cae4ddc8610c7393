#include "program_runner.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

extern char** environ;

namespace evtxcar::independent_readers {

namespace {

// A new empty file in the temporary directory, open for writing.
struct temporary_file {
    std::string path;
    int descriptor = -1;

    temporary_file() {
        path = (std::filesystem::temp_directory_path() / "evtxcar-program-XXXXXX").string();
        descriptor = ::mkstemp(path.data());
    }
    ~temporary_file() {
        if (descriptor >= 0) ::close(descriptor);
        ::unlink(path.c_str());
    }
    temporary_file(const temporary_file&) = delete;
    temporary_file& operator=(const temporary_file&) = delete;

    std::string contents() const {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        return text.str();
    }
};

}  // namespace

std::optional<std::string> find_program(const std::string& name) {
    const char* path = std::getenv("PATH");
    if (path == nullptr) return std::nullopt;
    std::string_view rest(path);
    while (!rest.empty()) {
        const std::size_t colon = rest.find(':');
        const std::string directory(rest.substr(0, colon));
        rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
        if (directory.empty()) continue;
        const std::filesystem::path candidate = std::filesystem::path(directory) / name;
        if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
    }
    return std::nullopt;
}

program_output run_program(const std::string& program, const std::vector<std::string>& arguments) {
    // Output goes to temporary files: the tools print megabytes, and files
    // need no reader threads.
    temporary_file out_file;
    temporary_file err_file;
    program_output output;
    if (out_file.descriptor < 0 || err_file.descriptor < 0) return output;

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out_file.descriptor, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err_file.descriptor, STDERR_FILENO);
    std::vector<std::string> argv_strings;
    argv_strings.push_back(program);
    argv_strings.insert(argv_strings.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (std::string& argument : argv_strings) argv.push_back(argument.data());
    argv.push_back(nullptr);

    pid_t child = 0;
    if (posix_spawn(&child, program.c_str(), &actions, nullptr, argv.data(), environ) == 0) {
        int status = 0;
        if (waitpid(child, &status, 0) == child && WIFEXITED(status)) output.exit_status = WEXITSTATUS(status);
    }
    posix_spawn_file_actions_destroy(&actions);
    output.standard_output = out_file.contents();
    output.standard_error = err_file.contents();
    return output;
}

}  // namespace evtxcar::independent_readers
