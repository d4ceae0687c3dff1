#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace occam::test {

// A fresh, empty directory for one test, removed with everything in it afterwards.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    // Writes text to a file in the directory and returns its name, for use as an argument.
    std::string write(const std::string& name, const std::string& text) const;
    std::string read(const std::string& name) const;
    // The names of every file and directory below it, sorted, relative to it.
    std::vector<std::string> listing() const;

private:
    std::filesystem::path path_;
};

}  // namespace occam::test
