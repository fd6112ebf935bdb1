// The hostile file-system suite: every way a user (or a script) can point
// an output at something precious. After each case every input file is
// byte-identical to before, no temporary file is left behind, and the
// session still opens. Through the `crest` command, as a user would.
#include "Core/CrestError.h"
#include "Helpers/CliRunner.h"
#include "Helpers/SmallDisk.h"
#include "Helpers/TestFiles.h"
#include "IO/AtomicTextFile.h"
#include "Session/SessionFile.h"

#include <catch2/catch.hpp>

#include <map>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/un.h>
#include <thread>
#include <unistd.h>

using namespace crest;
using namespace crest::test;
namespace fs = std::filesystem;

namespace
{
// Two stems and a session made from them, with a snapshot of their bytes.
struct Project
{
    TempFolder dir;
    fs::path a = dir / "a.wav", b = dir / "b.wav", session = dir / "s.crest";
    std::map<fs::path, std::string> snapshot;

    Project()
    {
        writeSine (a, 48000, 440, 0.5, 0.25);
        writeSine (b, 48000, 660, 0.5, 0.25);
        const auto made = runCrest ("new " + shellQuote (session) + " --stems " + shellQuote (a) + " " + shellQuote (b));
        REQUIRE (made.exitCode == 0);
        for (const auto& f : { a, b, session })
            snapshot[f] = readBytes (f);
    }

    void requireIntact() const
    {
        for (const auto& [file, bytes] : snapshot)
        {
            INFO (file);
            REQUIRE (fs::is_regular_file (fs::symlink_status (file)));
            REQUIRE (readBytes (file) == bytes);
        }
        REQUIRE (loadSessionFile (session).tracks.size() == 2);
        requireNoTemporaries (dir.path());
    }

    static void requireNoTemporaries (const fs::path& folder)
    {
        for (const auto& entry : fs::recursive_directory_iterator (folder))
        {
            INFO (entry.path());
            REQUIRE_FALSE (entry.path().filename().string().starts_with (".crest-"));
        }
    }
};

std::string render (const Project& p, const fs::path& out, const std::string& extra = "")
{
    return "render " + shellQuote (p.session) + " -o " + shellQuote (out) + " " + extra;
}
} // namespace

TEST_CASE ("an output that is an input by any path, link or hard link is refused, naming both", "[safety][cli]")
{
    Project p;
    fs::create_directories (p.dir / "sub");
    fs::create_symlink (p.a, p.dir / "link.wav");
    fs::create_symlink (p.dir / "link.wav", p.dir / "link-to-link.wav");
    fs::create_directory_symlink (p.dir.path(), p.dir / "alias");
    fs::create_hard_link (p.a, p.dir / "hard.wav");
    fs::create_symlink (p.session, p.dir / "session-link.wav");
    fs::create_hard_link (p.session, p.dir / "session-hard.wav");
    p.snapshot[p.dir / "hard.wav"] = p.snapshot[p.a];

    const std::vector<fs::path> aliases {
        p.a, p.dir / "sub" / ".." / "a.wav", p.dir / "." / "b.wav", p.dir / "link.wav", p.dir / "link-to-link.wav",
        p.dir / "alias" / "a.wav", p.dir / "hard.wav", p.dir / "session-link.wav", p.dir / "session-hard.wav",
    };
    for (const auto& out : aliases)
        for (const std::string force : { "", "--force" })
        {
            INFO (out << " " << force);
            const auto run = runCrest (render (p, out, force));
            CHECK (run.exitCode == 1);
            CHECK_THAT (run.output, Catch::Contains (out.string() + ": is the same file as the input "));
            p.requireIntact();
        }

    // The session itself, by name, with a format given.
    const auto self = runCrest (render (p, p.session, "--format wav --force"));
    CHECK (self.exitCode == 1);
    CHECK_THAT (self.output, Catch::Contains ("is the same file as the input " + p.session.string()));
    p.requireIntact();

    // `crest new` whose session would land on one of its own stems.
    for (const auto& out : { p.a, p.dir / "link.wav", p.dir / "hard.wav", p.dir / "sub" / ".." / "b.wav" })
    {
        INFO (out);
        const auto run = runCrest ("new " + shellQuote (out) + " --force --stems " + shellQuote (p.a) + " " + shellQuote (p.b));
        CHECK (run.exitCode == 1);
        CHECK_THAT (run.output, Catch::Contains ("is the same file as the input "));
        p.requireIntact();
    }
}

TEST_CASE ("an existing output is replaced only with --force, and only if it is of the expected kind", "[safety][cli]")
{
    Project p;
    const auto other = p.dir / "other.wav";
    writeSine (other, 48000, 100, 0.1, 0.1);
    const auto before = readBytes (other);

    auto run = runCrest (render (p, other));
    CHECK (run.exitCode == 1);
    CHECK_THAT (run.output, Catch::Contains (other.string() + ": already exists; use --force to replace it"));
    CHECK (readBytes (other) == before);

    run = runCrest (render (p, other, "--force"));
    CHECK (run.exitCode == 0);
    CHECK (readAudio (other).frames() == 12000);
    p.requireIntact();

    writeBytes (p.dir / "notes.txt", "my notes");
    run = runCrest (render (p, p.dir / "notes.txt", "--format wav --force"));
    CHECK (run.exitCode == 1);
    CHECK_THAT (run.output, Catch::Contains ("notes.txt: exists and is not an audio file; Crest will not replace it"));
    CHECK (readBytes (p.dir / "notes.txt") == "my notes");

    // crest new: an existing session needs --force; other files never go.
    const auto second = p.dir / "second.crest";
    REQUIRE (runCrest ("new " + shellQuote (second) + " --stems " + shellQuote (p.a)).exitCode == 0);
    run = runCrest ("new " + shellQuote (second) + " --stems " + shellQuote (p.b));
    CHECK (run.exitCode == 1);
    CHECK_THAT (run.output, Catch::Contains ("second.crest: already exists; use --force to replace it"));
    run = runCrest ("new " + shellQuote (second) + " --force --stems " + shellQuote (p.b));
    CHECK (run.exitCode == 0);
    CHECK (fs::path (loadSessionFile (second).tracks[0].clips[0].file).filename() == "b.wav");
    CHECK (fs::path (loadSessionFile (second.string() + ".bak").tracks[0].clips[0].file).filename() == "a.wav");
    run = runCrest ("new " + shellQuote (p.dir / "notes.txt") + " --force --stems " + shellQuote (p.b));
    CHECK (run.exitCode == 1);
    CHECK_THAT (run.output, Catch::Contains ("notes.txt: exists and is not a Crest session; Crest will not replace it"));
    CHECK (readBytes (p.dir / "notes.txt") == "my notes");
    p.requireIntact();

    // crest demo stops before writing anything when a user's file is there.
    fs::create_directories (p.dir / "demo" / "stems");
    writeBytes (p.dir / "demo" / "stems" / "3-hats.wav", "a user's file");
    for (const std::string force : { "", "--force" })
    {
        run = runCrest ("demo " + shellQuote (p.dir / "demo") + " " + force);
        CHECK (run.exitCode == 1);
        CHECK (readBytes (p.dir / "demo" / "stems" / "3-hats.wav") == "a user's file");
        CHECK_FALSE (fs::exists (p.dir / "demo" / "stems" / "1-kick.wav"));
        CHECK_FALSE (fs::exists (p.dir / "demo" / "demo.crest"));
    }
    fs::remove (p.dir / "demo" / "stems" / "3-hats.wav");
    REQUIRE (runCrest ("demo " + shellQuote (p.dir / "demo")).exitCode == 0);
    CHECK (runCrest ("demo " + shellQuote (p.dir / "demo")).exitCode == 1);
    CHECK (runCrest ("demo " + shellQuote (p.dir / "demo") + " --force").exitCode == 0);
}

TEST_CASE ("special files are written to directly or refused, never replaced", "[safety][cli]")
{
    Project p;
    // /dev/null stays the device it is.
    auto run = runCrest (render (p, "/dev/null", "--format wav"));
    CHECK (run.exitCode == 0);
    struct stat st {};
    REQUIRE (::stat ("/dev/null", &st) == 0);
    CHECK (S_ISCHR (st.st_mode));

    // "-" is standard output: a whole WAV there, the summary on stderr.
    run = runCrest (render (p, "-", "--format wav --bits 16"), true);
    CHECK (run.exitCode == 0);
    REQUIRE (run.output.size() == 44 + 12000 * 4);
    CHECK (run.output.substr (0, 4) == "RIFF");
    CHECK (run.output.substr (8, 4) == "WAVE");

    // A named pipe: the reader gets the file, the pipe stays a pipe.
    const auto fifo = p.dir / "out.fifo";
    REQUIRE (::mkfifo (fifo.c_str(), 0644) == 0);
    std::string received;
    std::thread reader ([&] {
        std::FILE* in = std::fopen (fifo.c_str(), "rb");
        char buffer[4096];
        while (auto n = std::fread (buffer, 1, sizeof (buffer), in))
            received.append (buffer, n);
        std::fclose (in);
    });
    run = runCrest (render (p, fifo, "--format wav --bits 16"));
    reader.join();
    CHECK (run.exitCode == 0);
    CHECK (received.size() == 44 + 12000 * 4);
    CHECK (fs::is_fifo (fifo));

    // A pipe given as audio is refused at once instead of hanging.
    run = runCrest ("new " + shellQuote (p.dir / "x.crest") + " --stems " + shellQuote (fifo));
    CHECK (run.exitCode == 1);
    CHECK_THAT (run.output, Catch::Contains (fifo.string() + ": is a pipe, not an audio file"));

    // A socket is neither a file nor a stream Crest writes to.
    const auto socketPath = p.dir / "s.sock";
    const int fd = ::socket (AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    std::snprintf (address.sun_path, sizeof (address.sun_path), "%s", socketPath.c_str());
    REQUIRE (::bind (fd, (sockaddr*) &address, sizeof (address)) == 0);
    run = runCrest (render (p, socketPath, "--format wav"));
    CHECK (run.exitCode == 1);
    CHECK_THAT (run.output, Catch::Contains ("is a socket; Crest writes only regular files, character devices and pipes"));
    ::close (fd);
    CHECK (fs::is_socket (socketPath));

    // A folder, named or with a trailing slash.
    for (const auto& folder : { p.dir.path().string(), p.dir.path().string() + "/" })
    {
        run = runCrest ("render " + shellQuote (p.session) + " -o " + shellQuote (folder));
        CHECK (run.exitCode == 1);
        CHECK_THAT (run.output, Catch::Contains ("is a folder; give a file name for the mix"));
    }
    p.requireIntact();
}

TEST_CASE ("read-only files and folders are never silently written", "[safety][cli]")
{
    Project p;
    // A read-only session refuses a save, even for root.
    fs::permissions (p.session, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    const auto document = loadSessionFile (p.session);
    CHECK_THROWS_WITH (saveSessionFile (document, p.session),
                       p.session.string() + ": is read-only; nothing was saved (save under another name, or make it writable)");
    fs::permissions (p.session, fs::perms::owner_write, fs::perm_options::add);
    p.requireIntact();

    // A read-only file system (a tmpfs remounted read-only: root too is refused).
    SmallDisk disk (p.dir / "ro", "1m");
    if (! disk.mounted)
    {
        WARN ("cannot mount a tmpfs here (not root?): read-only folder cases not run");
        return;
    }
    REQUIRE (runCrest ("new " + shellQuote (disk.path / "s.crest") + " --stems " + shellQuote (p.a)).exitCode == 0);
    const auto sessionBytes = readBytes (disk.path / "s.crest");
    REQUIRE (disk.setReadOnly (true));
    auto run = runCrest ("render " + shellQuote (p.session) + " -o " + shellQuote (disk.path / "mix.wav"));
    CHECK (run.exitCode == 1);
    CHECK_THAT (run.output, Catch::Contains ((disk.path / "mix.wav").string() + ": "));
    CHECK_FALSE (fs::exists (disk.path / "mix.wav"));
    const auto onDisk = loadSessionFile (disk.path / "s.crest");
    CHECK_THROWS (saveSessionFile (onDisk, disk.path / "s.crest"));
    CHECK (readBytes (disk.path / "s.crest") == sessionBytes);
    REQUIRE (disk.setReadOnly (false));
    Project::requireNoTemporaries (disk.path);
    p.requireIntact();
}

TEST_CASE ("names at the file-system limit save with a backup, render, and are refused cleanly past it", "[safety][cli]")
{
    Project p;
    const std::string longest (255 - 6, 'n');
    const auto session = p.dir / (longest + ".crest");
    REQUIRE (session.filename().string().size() == 255);
    auto run = runCrest ("new " + shellQuote (session) + " --stems " + shellQuote (p.a));
    REQUIRE (run.exitCode == 0);
    const auto document = loadSessionFile (session);
    saveSessionFile (document, session);   // a second save makes a backup
    const auto backup = backupPathFor (session);
    CHECK (backup.filename().string().size() <= 255);
    CHECK (backup.filename().string().ends_with (".bak"));
    CHECK (loadSessionFile (backup) == document);

    const auto out = p.dir / (std::string (255 - 4, 'm') + ".wav");
    run = runCrest ("render " + shellQuote (p.session) + " -o " + shellQuote (out));
    CHECK (run.exitCode == 0);
    CHECK (readAudio (out).frames() == 12000);

    const auto tooLong = p.dir / (std::string (256 - 4, 'm') + ".wav");
    run = runCrest ("render " + shellQuote (p.session) + " -o " + shellQuote (tooLong));
    CHECK (run.exitCode == 1);
    CHECK_THAT (run.output, Catch::Contains ("File name too long"));
    p.requireIntact();
}

TEST_CASE ("a full disk at every write step leaves the previous session and no stray file", "[safety][diskfull]")
{
    Project p;
    SmallDisk disk (p.dir / "disk", "192k");
    if (! disk.mounted)
    {
        WARN ("cannot mount a tmpfs here (not root?): disk-full sweep not run");
        return;
    }
    // A session of some size, saved once while there is room.
    auto document = loadSessionFile (p.session);
    for (int i = 0; i < 60; ++i)
    {
        auto copy = document.tracks[0];
        copy.id = "copy" + std::to_string (i);
        document.tracks.push_back (copy);
    }
    const auto file = disk.path / "s.crest";
    saveSessionFile (document, file);
    const auto saved = readBytes (file);
    REQUIRE (saved.size() > 16 * 1024);

    // Leave 0, 4, 8 ... 160 kB free and try to save a changed session and
    // render a mix each time: each write step fails at some level.
    const auto capacity = fs::space (disk.path).capacity;
    document.tracks[0].faderDb = -3.0;
    int saves = 0, saveFailures = 0, renders = 0, renderFailures = 0;
    for (uintmax_t freeBytes = 0; freeBytes <= 160 * 1024; freeBytes += 4096)
    {
        INFO ("free bytes " << freeBytes);
        fs::remove (disk.path / "filler");
        fs::remove (backupPathFor (file));
        const auto used = capacity - fs::space (disk.path).available;
        const auto fill = capacity > used + freeBytes ? capacity - used - freeBytes : 0;
        writeBytes (disk.path / "filler", std::string (fill, 'x'));

        bool savedNew = false;
        try
        {
            saveSessionFile (document, file);
            savedNew = true;
            ++saves;
        }
        catch (const CrestError& e)
        {
            ++saveFailures;
            CHECK_THAT (e.what(), Catch::Contains ("the previous version is unchanged"));
        }
        CHECK (loadSessionFile (file).tracks.size() == document.tracks.size());
        if (savedNew)
        {
            CHECK (loadSessionFile (file).tracks[0].faderDb == -3.0);
            CHECK (readBytes (backupPathFor (file)) == saved);
            fs::remove (file);
            writeBytes (file, saved);   // back to the first version for the next step
        }
        else
            CHECK (readBytes (file) == saved);
        const auto run = runCrest (render (p, disk.path / "mix.wav", "--force --bits 16"));
        if (run.exitCode == 0)
        {
            ++renders;
            CHECK (readAudio (disk.path / "mix.wav").frames() == 12000);
        }
        else
        {
            ++renderFailures;
            CHECK_THAT (run.output, Catch::Contains ("no file was written"));
            CHECK_FALSE (fs::exists (disk.path / "mix.wav"));
        }
        fs::remove (disk.path / "mix.wav");
        Project::requireNoTemporaries (disk.path);
    }
    // The sweep crossed from "nothing fits" to "everything fits" for both.
    CHECK (saves > 0);
    CHECK (saveFailures > 0);
    CHECK (renders > 0);
    CHECK (renderFailures > 0);
    p.requireIntact();
}

TEST_CASE ("two processes saving the same session at once leave one whole version and a whole backup", "[safety]")
{
    Project p;
    auto one = loadSessionFile (p.session), two = one;
    one.tracks[0].name = "one";
    two.tracks[0].name = "two";
    std::vector<pid_t> children;
    for (const auto* document : { &one, &two })
    {
        const pid_t child = ::fork();
        REQUIRE (child >= 0);
        if (child == 0)
        {
            int failures = 0;
            for (int i = 0; i < 100; ++i)
            {
                try
                {
                    saveSessionFile (*document, p.session);
                }
                catch (...)
                {
                    ++failures;
                }
            }
            ::_exit (failures == 0 ? 0 : 1);
        }
        children.push_back (child);
    }
    for (const auto child : children)
    {
        int status = 0;
        ::waitpid (child, &status, 0);
        CHECK ((WIFEXITED (status) && WEXITSTATUS (status) == 0));
    }
    const auto final = loadSessionFile (p.session);
    CHECK ((final == one || final == two));
    const auto backup = loadSessionFile (backupPathFor (p.session));
    CHECK ((backup == one || backup == two));
    for (const auto& f : { p.a, p.b })
        CHECK (readBytes (f) == p.snapshot[f]);
    Project::requireNoTemporaries (p.dir.path());
}

TEST_CASE ("saving through a symlink updates the file it points to and keeps the link", "[safety]")
{
    Project p;
    fs::create_directories (p.dir / "elsewhere");
    const auto link = p.dir / "elsewhere" / "link.crest";
    fs::create_symlink (p.session, link);

    auto document = loadSessionFile (link);
    REQUIRE (document.tracks.size() == 2);
    document.tracks[0].faderDb = -4.5;
    saveSessionFile (document, link);

    CHECK (fs::is_symlink (link));
    CHECK (fs::read_symlink (link) == p.session);
    CHECK (loadSessionFile (p.session).tracks[0].faderDb == -4.5);
    CHECK (loadSessionFile (link) == loadSessionFile (p.session));   // media found from both
    CHECK (readBytes (backupPathFor (p.session)) == p.snapshot[p.session]);
    CHECK_FALSE (fs::exists (backupPathFor (link)));
    // Media paths stay relative to the real file's folder.
    CHECK (readBytes (p.session).find ("\"file\": \"a.wav\"") != std::string::npos);

    // A dangling link is written through: the file appears where it points.
    const auto dangling = p.dir / "dangling.crest";
    fs::create_symlink (p.dir / "target.crest", dangling);
    saveSessionFile (document, dangling);
    CHECK (fs::is_symlink (dangling));
    CHECK (loadSessionFile (p.dir / "target.crest") == document);

    // crest new through a link to a session replaces the session it points to.
    const auto run = runCrest ("new " + shellQuote (link) + " --force --stems " + shellQuote (p.b));
    CHECK (run.exitCode == 0);
    CHECK (fs::is_symlink (link));
    CHECK (loadSessionFile (p.session).tracks.size() == 1);
    for (const auto& f : { p.a, p.b })
        CHECK (readBytes (f) == p.snapshot[f]);
    Project::requireNoTemporaries (p.dir.path());
}

TEST_CASE ("a backup that cannot be made stops the save: the backup is never dropped silently", "[safety]")
{
    Project p;
    // A folder where the backup must go: the backup cannot be written.
    fs::create_directories (backupPathFor (p.session));
    writeBytes (backupPathFor (p.session) / "keep", "x");
    auto document = loadSessionFile (p.session);
    document.tracks[0].faderDb = -2.0;
    try
    {
        saveSessionFile (document, p.session);
        FAIL ("the save went ahead without its backup");
    }
    catch (const CrestError& e)
    {
        CHECK_THAT (e.what(), Catch::StartsWith (p.session.string() + ": cannot keep the previous version as s.crest.bak ("));
        CHECK_THAT (e.what(), Catch::EndsWith ("); nothing was saved, the previous version is unchanged"));
    }
    p.requireIntact();
}
