#include "ScratchFiles.h"

#include "Core/CrestError.h"
#include "FileSync.h"

namespace crest
{
ScratchFiles::~ScratchFiles()
{
    std::error_code ec;
    for (const auto& f : files)
        std::filesystem::remove (f, ec);
}

std::filesystem::path ScratchFiles::add (const std::filesystem::path& target, const std::string& tag)
{
    files.push_back (temporarySibling (target, tag));
    return files.back();
}

void ScratchFiles::own (const std::filesystem::path& file)
{
    if (! file.empty())
        files.push_back (file);
}

ScratchFolder::ScratchFolder (const std::filesystem::path& target, const std::string& tag) : path (temporarySibling (target, tag))
{
    std::error_code ec;
    std::filesystem::create_directories (path, ec);
    if (ec)
        throw CrestError (target.parent_path(), "cannot write there (" + ec.message() + ")");
}

ScratchFolder::~ScratchFolder()
{
    std::error_code ec;
    std::filesystem::remove_all (path, ec);
}
} // namespace crest
