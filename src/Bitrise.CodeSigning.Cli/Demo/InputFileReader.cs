using System;
using System.IO;
using Bitrise.CodeSigning.Cli.FileKindDetection;
using Mono.Unix;

namespace Bitrise.CodeSigning.Cli.Demo;

/// <summary>A path of <c>demo --files</c> after its checks: its length and, for a small file, its bytes.</summary>
/// <param name="Path">The path as given.</param>
/// <param name="Length">The length in bytes of the regular file that the path names.</param>
/// <param name="Content">
/// The whole file, or <see langword="null"/> when it is longer than <see cref="FileContentSniffer.MaxInspectedBytes"/>.
/// </param>
internal sealed record InputFile(string Path, long Length, byte[]? Content);

/// <summary>
/// Checks that a path of <c>demo --files</c> names a regular file that the emulator accepts, and reads it only when it
/// is small enough to be a signing file. A device, a FIFO or a socket is rejected before it is opened, because reading
/// one may never end or block forever.
/// </summary>
internal static class InputFileReader
{
    /// <summary>Returns the checked file at <paramref name="path"/>, following symbolic links.</summary>
    /// <exception cref="InvalidInputException">
    /// The path is missing, a folder, not a regular file, unreadable, or longer than <paramref name="maxUploadBytes"/>.
    /// </exception>
    public static InputFile Read(string path, long maxUploadBytes)
    {
        if (Directory.Exists(path))
        {
            throw new InvalidInputException($"'{path}' is a folder. Pass the files in it to --files, one path each.");
        }

        var target = ResolveTarget(path);
        CheckRegularFile(path, target);

        var length = target.Length;
        if (length > maxUploadBytes)
        {
            throw new InvalidInputException(
                $"'{path}' is {length} bytes, larger than the emulator's maximum upload size of {maxUploadBytes} bytes. Pass a smaller file to --files.");
        }

        return new InputFile(path, length, ReadContent(path, length));
    }

    private static FileInfo ResolveTarget(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidInputException($"The file '{path}' does not exist. Check the path passed to --files.");
        }

        FileSystemInfo? linkTarget;
        try
        {
            linkTarget = File.ResolveLinkTarget(path, returnFinalTarget: true);
        }
        catch (IOException exception)
        {
            throw new InvalidInputException($"The symbolic link '{path}' cannot be followed: {exception.Message} Pass the path of a regular file to --files.");
        }

        var target = linkTarget as FileInfo ?? new FileInfo(path);
        if (!target.Exists)
        {
            throw new InvalidInputException(
                $"'{path}' is a symbolic link to '{target.FullName}', which does not exist. Fix the link, or pass the path of a regular file to --files.");
        }

        return target;
    }

    private static void CheckRegularFile(string path, FileInfo target)
    {
        // NOTE: on Windows only folders are rejected here, because Mono.Unix reads the Unix file type.
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        FileTypes type;
        try
        {
            type = new UnixFileInfo(target.FullName).FileType;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw CannotRead(path, exception);
        }

        if (type == FileTypes.RegularFile)
        {
            return;
        }

        var linkNote = target.FullName == Path.GetFullPath(path) ? "" : $" (a symbolic link to '{target.FullName}')";
        throw new InvalidInputException(
            $"'{path}'{linkNote} is {Describe(type)}, not a regular file. Pass the path of a regular file to --files.");
    }

    private static string Describe(FileTypes type) => type switch
    {
        FileTypes.CharacterDevice => "a character device",
        FileTypes.BlockDevice => "a block device",
        FileTypes.Fifo => "a FIFO (named pipe)",
        FileTypes.Socket => "a socket",
        FileTypes.Directory => "a folder",
        _ => $"of the file type {type}",
    };

    // Opens the file even when it is too long to read, so that a file the user may not read fails before any request.
    private static byte[]? ReadContent(string path, long length)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (length > FileContentSniffer.MaxInspectedBytes)
            {
                return null;
            }

            var content = new byte[length];
            var read = stream.ReadAtLeast(content, content.Length, throwOnEndOfStream: false);
            if (read < content.Length)
            {
                throw new InvalidInputException($"'{path}' became shorter while it was read ({read} of {length} bytes). Pass a file that no program is writing.");
            }

            return content;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw CannotRead(path, exception);
        }
    }

    private static InvalidInputException CannotRead(string path, Exception exception) =>
        new($"The file '{path}' cannot be read: {exception.Message} Check that you may read it.");
}
