using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Emulator.State;
using Bitrise.CodeSigning.Emulator.Storage;

namespace Bitrise.CodeSigning.Emulator.Tests;

/// <summary>
/// The store inspects uploaded PKCS #12 files outside its lock. These tests hold an inspection open and check what
/// other requests and the inspection's outcome do meanwhile.
/// </summary>
public sealed class FileStoreInspectionTests : IDisposable
{
    private const string AppSlug = "demo-app";

    // Long enough for a loaded CI machine, short enough that a blocked request fails the test quickly.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly GatedInspector _inspector = new();

    private readonly FileStore _store;

    public FileStoreInspectionTests()
    {
        _store = new FileStore([AppSlug], _inspector.Inspect);
    }

    public void Dispose() => _inspector.Release();

    [Fact]
    public async Task Confirm_SlowInspection_DoesNotBlockList()
    {
        var slug = CreateUploadedCertificate();
        _inspector.Hold();

        var confirm = Task.Run(() => _store.Confirm(AppSlug, FileKind.BuildCertificate, slug), TestContext.Current.CancellationToken);
        await _inspector.WaitForCallAsync(Patience);
        var list = Task.Run(() => _store.List(AppSlug, FileKind.BuildCertificate, next: null, limit: 50), TestContext.Current.CancellationToken);
        var page = await list.WaitAsync(Patience, TestContext.Current.CancellationToken);

        Assert.False(Assert.Single(page.Items).Processed);
        Assert.False(confirm.IsCompleted);

        _inspector.Release();
        var confirmed = await confirm.WaitAsync(Patience, TestContext.Current.CancellationToken);

        Assert.True(confirmed.Processed);
        Assert.Equal("read-with-", Assert.Single(confirmed.Certificates).Serial);
    }

    [Fact]
    public async Task Confirm_DeleteDuringInspection_NotFound()
    {
        var slug = CreateUploadedCertificate();
        _inspector.Hold();

        var confirm = Task.Run(() => _store.Confirm(AppSlug, FileKind.BuildCertificate, slug), TestContext.Current.CancellationToken);
        await _inspector.WaitForCallAsync(Patience);
        await Task.Run(() => _store.Delete(AppSlug, FileKind.BuildCertificate, slug), TestContext.Current.CancellationToken)
            .WaitAsync(Patience, TestContext.Current.CancellationToken);
        _inspector.Release();

        var exception = await Assert.ThrowsAsync<ApiException>(() => confirm.WaitAsync(Patience, TestContext.Current.CancellationToken));

        Assert.Equal(404, exception.StatusCode);
        Assert.Equal(0, _store.List(AppSlug, FileKind.BuildCertificate, next: null, limit: 50).TotalItemCount);
    }

    [Fact]
    public async Task Confirm_PasswordChangedDuringInspection_Reinspects()
    {
        var slug = CreateUploadedCertificate();
        _inspector.Hold();

        var confirm = Task.Run(() => _store.Confirm(AppSlug, FileKind.BuildCertificate, slug), TestContext.Current.CancellationToken);
        await _inspector.WaitForCallAsync(Patience);
        var update = Task.Run(
            () => _store.Update(AppSlug, FileKind.BuildCertificate, slug, new FileUpdateRequest { CertificatePassword = "p12-secret" }),
            TestContext.Current.CancellationToken);
        await update.WaitAsync(Patience, TestContext.Current.CancellationToken);
        _inspector.Release();
        var confirmed = await confirm.WaitAsync(Patience, TestContext.Current.CancellationToken);

        Assert.Equal(["", "p12-secret"], _inspector.Passwords);
        Assert.Equal("read-with-p12-secret", Assert.Single(confirmed.Certificates).Serial);
    }

    [Fact]
    public async Task AttachBlob_DeleteDuringInspection_ReturnsFalse()
    {
        var slug = CreateUploadedCertificate();
        _store.Confirm(AppSlug, FileKind.BuildCertificate, slug);
        await _inspector.WaitForCallAsync(Patience); // the confirm's inspection, which was not held
        _inspector.Hold();

        var attach = Task.Run(() => _store.AttachBlob(AppSlug, FileKind.BuildCertificate, slug, NewBlob()), TestContext.Current.CancellationToken);
        await _inspector.WaitForCallAsync(Patience);
        var deleted = await Task.Run(() => _store.Delete(AppSlug, FileKind.BuildCertificate, slug), TestContext.Current.CancellationToken)
            .WaitAsync(Patience, TestContext.Current.CancellationToken);
        _inspector.Release();

        Assert.Equal(slug, deleted.Slug);
        Assert.False(await attach.WaitAsync(Patience, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Update_SameProtection_DoesNotInspect()
    {
        var slug = CreateUploadedCertificate();
        _store.Confirm(AppSlug, FileKind.BuildCertificate, slug);

        var updated = _store.Update(AppSlug, FileKind.BuildCertificate, slug, new FileUpdateRequest { IsProtected = true });

        Assert.True(updated.IsProtected);
        Assert.Single(_inspector.Passwords);
    }

    private string CreateUploadedCertificate()
    {
        var created = _store.Create(AppSlug, FileKind.BuildCertificate, new FileCreateRequest("Distribution.p12", 3));
        Assert.True(_store.AttachBlob(AppSlug, FileKind.BuildCertificate, created.Slug, NewBlob()));
        return created.Slug;
    }

    // The gated inspector never reads the path, and releasing a blob whose file does not exist does nothing.
    private static BlobEntry NewBlob() =>
        new(Path.Combine(Path.GetTempPath(), "no-such-blob-" + Guid.NewGuid().ToString("N")), 3, "sha256", "md5");

    /// <summary>
    /// An inspector that waits while it is held and returns one certificate whose serial names the password it was
    /// given, so a test can tell which inspection the store applied.
    /// </summary>
    private sealed class GatedInspector
    {
        private readonly ManualResetEventSlim _open = new(initialState: true);

        private readonly SemaphoreSlim _calls = new(0);

        private readonly ConcurrentQueue<string> _passwords = new();

        /// <summary>The password of every inspection so far, in call order.</summary>
        public string[] Passwords => _passwords.ToArray();

        public void Hold() => _open.Reset();

        public void Release() => _open.Set();

        /// <summary>Waits until an inspection has started.</summary>
        public async Task WaitForCallAsync(TimeSpan timeout)
        {
            Assert.True(await _calls.WaitAsync(timeout, TestContext.Current.CancellationToken), "No inspection started.");
        }

        public InspectionResult Inspect(InspectionInput input)
        {
            _passwords.Enqueue(input.Password);
            _calls.Release();
            Assert.True(_open.Wait(TimeSpan.FromMinutes(1)), "The test never released the inspection.");
            return new InspectionResult(input, [new CertificateSummary("read-with-" + input.Password, ExpiryDate: null)], CertificateSha256Fingerprint: null);
        }
    }
}
