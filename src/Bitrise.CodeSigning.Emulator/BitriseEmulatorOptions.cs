using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace Bitrise.CodeSigning.Emulator;

/// <summary>
/// Settings of a <see cref="BitriseEmulator"/>. <see cref="BitriseEmulator.StartAsync"/> copies them, so changes
/// made after the start have no effect.
/// </summary>
public sealed class BitriseEmulatorOptions
{
    /// <summary>
    /// The access token that API requests must send in the <c>Authorization</c> header, either as the raw token
    /// or as <c>token &lt;token&gt;</c>. Default: <c>emulator-token</c>. Must not be empty or white space.
    /// </summary>
    public string AccessToken { get; set; } = "emulator-token";

    /// <summary>
    /// How long a presigned upload or download URL stays valid after the API issues it. Default: 10 minutes.
    /// Must be at least one second and at most 7 days, the limits of S3 presigned URLs.
    /// </summary>
    public TimeSpan PresignedUrlLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The maximum and default <c>limit</c> of a list request. A list request with a <c>limit</c> outside 1 to this value gets 400.
    /// Default: 50, as the Bitrise API. Must be at least 1.
    /// </summary>
    public int MaxPageItemLimit { get; set; } = 50;

    /// <summary>
    /// The apps that exist when the emulator starts. Requests for any other app slug get 404.
    /// Default: one app, <c>demo-app</c>. <see cref="BitriseEmulator.AddApp"/> adds more later.
    /// </summary>
    public IList<string> AppSlugs { get; } = new List<string> { "demo-app" };

    /// <summary>
    /// The clock for presigned URL dates and expiry. Default: <see cref="TimeProvider.System"/>. Tests pass a fake
    /// clock to let URLs expire without waiting.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The maximum <c>upload_file_size</c> in bytes that a create request may declare. A larger one gets 400.
    /// Default: 1 GiB. Must not be negative.
    /// </summary>
    public long MaxUploadBytes { get; set; } = 1L << 30;

    /// <summary>
    /// The logger factory for the emulator's own logs and for the warnings and errors of its web servers.
    /// Default: <see langword="null"/>, which logs nothing. The logs never contain the token or a presigned URL's
    /// query string.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
