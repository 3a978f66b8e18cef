using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrise.CodeSigning.Emulator.Storage;

/// <summary>The bytes of one upload: a temporary file, its length and its hashes in lowercase hexadecimal.</summary>
internal sealed record BlobEntry(string Path, long Length, string Sha256, string Md5);

/// <summary>
/// A private temporary folder for uploaded bytes, one new file per upload, so a download that is still
/// reading an older upload of the same key is never cut short. <see cref="Dispose"/> deletes the folder.
/// </summary>
internal sealed class BlobDirectory : IDisposable
{
    private const int BufferSize = 81920;

    private readonly string _root;

    public BlobDirectory()
    {
        _root = Path.Combine(Path.GetTempPath(), "bitrise-emulator-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
    }

    /// <summary>The folder's full path.</summary>
    public string Root => _root;

    /// <summary>
    /// Copies exactly <paramref name="expectedLength"/> bytes from <paramref name="body"/> into a new file.
    /// </summary>
    /// <returns>The stored blob, or <see langword="null"/> without a file when the body was shorter or longer.</returns>
    public async Task<BlobEntry?> WriteAsync(Stream body, long expectedLength, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_root, Guid.NewGuid().ToString("N"));
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var buffer = new byte[BufferSize];
        long written = 0;

        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    written += read;
                    if (written > expectedLength)
                    {
                        break;
                    }

                    sha256.AppendData(buffer, 0, read);
                    md5.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
        }
        catch
        {
            TryDelete(path);
            throw;
        }

        if (written != expectedLength)
        {
            TryDelete(path);
            return null;
        }

        return new BlobEntry(path, written, Convert.ToHexStringLower(sha256.GetHashAndReset()), Convert.ToHexStringLower(md5.GetHashAndReset()));
    }

    /// <summary>Opens a blob for reading in a way that lets a later upload or delete remove the file meanwhile.</summary>
    public static FileStream OpenRead(BlobEntry blob) =>
        new(blob.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, BufferSize, useAsync: true);

    /// <summary>Deletes a blob that no file refers to any more.</summary>
    public static void Release(BlobEntry blob) => TryDelete(blob.Path);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Leaving a temporary folder behind is better than failing the caller's dispose.
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Dispose deletes the whole folder later.
        }
    }
}
