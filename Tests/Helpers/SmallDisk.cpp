#include "SmallDisk.h"

#include <sys/mount.h>

namespace crest::test
{
SmallDisk::SmallDisk (const std::filesystem::path& where, const std::string& size) : path (where), sizeOption ("size=" + size)
{
    std::filesystem::create_directories (path);
    mounted = ::mount ("tmpfs", path.c_str(), "tmpfs", 0, sizeOption.c_str()) == 0;
}

SmallDisk::~SmallDisk()
{
    if (mounted)
        ::umount2 (path.c_str(), MNT_DETACH);
}

bool SmallDisk::setReadOnly (bool readOnly)
{
    return mounted && ::mount ("tmpfs", path.c_str(), "tmpfs", MS_REMOUNT | (readOnly ? MS_RDONLY : 0), sizeOption.c_str()) == 0;
}
} // namespace crest::test
