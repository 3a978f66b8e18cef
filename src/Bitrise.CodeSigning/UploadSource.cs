using System;
using System.IO;
using System.Threading;

namespace Bitrise.CodeSigning;

/// <summary>
/// The bytes of an upload: a file path, or a stream with its length, together with the file name that Bitrise
/// stores. The upload sends exactly <see cref="Length"/> bytes as the <c>Content-Length</c> of the storage PUT.
/// </summary>
public sealed class UploadSource
{
    private const int FileBufferSize = 81920;

    private readonly string? _path;
    private readonly Stream? _stream;
    private readonly long _streamStart;
    private int _streamReads;

    private UploadSource(string? path, Stream? stream, long length, string fileName)
    {
        _path = path;
        _stream = stream;
        _streamStart = stream is { CanSeek: true } ? stream.Position : 0;
        Length = length;
        FileName = fileName;
    }

    /// <summary>Gets the file name sent as <c>upload_file_name</c>.</summary>
    public string FileName { get; }

    /// <summary>Gets the number of bytes to upload, sent as <c>upload_file_size</c> and as the PUT's <c>Content-Length</c>.</summary>
    public long Length { get; }

    /// <summary>
    /// Gets whether the bytes can be read again, which a retry of the storage PUT needs: always for a file, and for
    /// a stream only when it can seek.
    /// </summary>
    internal bool CanReplay => _stream is null || _stream.CanSeek;

    /// <summary>
    /// Creates a source that reads the file at <paramref name="path"/>. The file name is the last segment of the
    /// path, and the length is the file's length now. A symbolic link is followed: the name is the link's, the length
    /// is its final target's. The file is opened only when the upload sends it, and read in chunks, never whole into
    /// memory.
    /// </summary>
    /// <param name="path">The path of the file to upload.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty, or it is a directory.</exception>
    /// <exception cref="FileNotFoundException">
    /// There is no file at <paramref name="path"/>, or it is a symbolic link whose target does not exist.
    /// </exception>
    public static UploadSource FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);

        var file = new FileInfo(path);
        if (Directory.Exists(file.FullName))
        {
            throw new ArgumentException($"The path to upload, '{file.FullName}', is a directory. Pass the path of a file.", nameof(path));
        }

        if (!file.Exists)
        {
            throw new FileNotFoundException($"The file to upload, '{file.FullName}', does not exist. Check the path.", file.FullName);
        }

        // The FileInfo of a symbolic link describes the link itself, whose Length is the length of the target's path.
        var target = File.ResolveLinkTarget(file.FullName, returnFinalTarget: true) as FileInfo ?? file;
        if (!target.Exists)
        {
            throw new FileNotFoundException(
                $"The file to upload, '{file.FullName}', is a symbolic link to '{target.FullName}', which does not exist. Check the link.", target.FullName);
        }

        return new UploadSource(file.FullName, stream: null, target.Length, file.Name);
    }

    /// <summary>
    /// Creates a source that reads <paramref name="length"/> bytes from <paramref name="content"/>, starting at its
    /// current position. The upload never disposes the stream. A stream that can seek is rewound to that position
    /// when the PUT is retried. A PUT of a stream that cannot seek is never retried.
    /// </summary>
    /// <param name="content">The stream to read. It must yield exactly <paramref name="length"/> bytes.</param>
    /// <param name="length">The number of bytes to upload; zero or more.</param>
    /// <param name="fileName">The file name that Bitrise stores, for example <c>release.keystore</c>.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="content"/> cannot be read, or <paramref name="fileName"/> is null, empty or white space.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    public static UploadSource FromStream(Stream content, long length, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (!content.CanRead)
        {
            throw new ArgumentException($"The stream of '{fileName}' cannot be read. Pass a readable stream.", nameof(content));
        }

        return new UploadSource(path: null, content, length, fileName);
    }

    /// <summary>
    /// Opens the bytes for one send of the PUT. A file is opened anew each time, and the returned stream is owned by
    /// the caller. A stream is rewound to its start when it can seek, and is not owned by the caller.
    /// </summary>
    /// <exception cref="CodeSigningStorageException">The stream cannot seek and was already read by an earlier send.</exception>
    internal (Stream Content, bool Owned) OpenRead()
    {
        if (_path is not null)
        {
            var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return (file, true);
        }

        var stream = _stream!;
        var reads = Interlocked.Increment(ref _streamReads);
        if (stream.CanSeek)
        {
            stream.Position = _streamStart;
        }
        else if (reads > 1)
        {
            throw new CodeSigningStorageException(
                CodeSigningStorageFailure.InvalidUploadSource,
                $"The stream of '{FileName}' cannot seek, so it cannot be read a second time for the upload. Pass a seekable stream or a file path.");
        }

        return (stream, false);
    }
}
