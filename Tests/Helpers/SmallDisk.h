// A tiny tmpfs mounted for one test, so "disk full" and "read-only file
// system" are real. Needs root (CI and the dev machines run as root);
// elsewhere `mounted` is false and the test says so and does nothing.
#pragma once

#include <filesystem>
#include <string>

namespace crest::test
{
class SmallDisk
{
public:
    SmallDisk (const std::filesystem::path& where, const std::string& size);
    ~SmallDisk();

    // Remounts read-only (or back to read-write); false if the kernel refused.
    bool setReadOnly (bool readOnly);

    std::filesystem::path path;
    bool mounted = false;

private:
    std::string sizeOption;
};
} // namespace crest::test
