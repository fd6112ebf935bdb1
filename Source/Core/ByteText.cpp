#include "ByteText.h"

#include <cstdint>

namespace crest
{
bool isValidUtf8 (std::string_view bytes) noexcept
{
    size_t i = 0;
    const size_t n = bytes.size();
    while (i < n)
    {
        const auto c = (uint8_t) bytes[i];
        if (c < 0x80)
        {
            ++i;
            continue;
        }
        int extra = 0;
        uint32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF) { extra = 1; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { extra = 2; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { extra = 3; cp = c & 0x07; }
        else return false;
        if (i + (size_t) extra >= n)
            return false;
        for (int k = 1; k <= extra; ++k)
        {
            const auto cc = (uint8_t) bytes[i + (size_t) k];
            if ((cc & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Overlong forms, UTF-16 surrogates and values past U+10FFFF.
        if ((extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000) || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            return false;
        i += (size_t) extra + 1;
    }
    return true;
}

std::string percentEscapeBytes (std::string_view bytes)
{
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    out.reserve (bytes.size());
    for (const char ch : bytes)
    {
        const auto c = (uint8_t) ch;
        if (c >= 0x20 && c < 0x7F && c != '%')
            out += ch;
        else
        {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::optional<std::string> percentUnescapeBytes (std::string_view text)
{
    auto digit = [] (char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    };
    std::string out;
    out.reserve (text.size());
    for (size_t i = 0; i < text.size(); ++i)
    {
        if (text[i] != '%')
        {
            out += text[i];
            continue;
        }
        if (i + 2 >= text.size())
            return std::nullopt;
        const int hi = digit (text[i + 1]), lo = digit (text[i + 2]);
        if (hi < 0 || lo < 0)
            return std::nullopt;
        out += (char) (hi * 16 + lo);
        i += 2;
    }
    return out;
}
} // namespace crest
