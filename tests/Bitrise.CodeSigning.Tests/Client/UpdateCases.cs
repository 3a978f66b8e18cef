using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Bitrise.CodeSigning.Tests.Client;

/// <summary>The three flags that the PATCH rules constrain; null is "not set" in a change and "absent" in a state.</summary>
internal readonly record struct Flags(bool? IsProtected, bool? IsExpose, bool? Processed);

/// <summary>
/// The checked update of one kind through <see cref="ICodeSigningFiles"/>, taking the change and the current state as
/// <see cref="Flags"/> and returning the updated slug, with the API path of the kind's collection.
/// </summary>
internal sealed record UpdateCase(
    CodeSigningFileKind Kind,
    string Collection,
    Func<ICodeSigningFiles, string, string, Flags, Flags?, CancellationToken, Task<string?>> Update);

internal static class UpdateCases
{
    public static readonly IReadOnlyDictionary<CodeSigningFileKind, UpdateCase> All = new Dictionary<CodeSigningFileKind, UpdateCase>
    {
        [CodeSigningFileKind.ProvisioningProfile] = new(
            CodeSigningFileKind.ProvisioningProfile,
            "provisioning-profiles",
            async (files, app, slug, change, current, token) =>
            {
                var request = new ProvProfileDocumentUpdateParams
                {
                    IsProtected = ToOptional(change.IsProtected),
                    IsExpose = ToOptional(change.IsExpose),
                    Processed = ToOptional(change.Processed),
                };

                var state = current is { } flags
                    ? new ProvisionProfileResponseItemModel { Slug = slug, IsProtected = flags.IsProtected, IsExpose = flags.IsExpose, Processed = flags.Processed }
                    : null;
                return (await files.UpdateProvisioningProfileAsync(app, slug, request, state, token)).Slug;
            }),
        [CodeSigningFileKind.BuildCertificate] = new(
            CodeSigningFileKind.BuildCertificate,
            "build-certificates",
            async (files, app, slug, change, current, token) =>
            {
                var request = new BuildCertificateUpdateParams
                {
                    IsProtected = ToOptional(change.IsProtected),
                    IsExpose = ToOptional(change.IsExpose),
                    Processed = ToOptional(change.Processed),
                };

                var state = current is { } flags
                    ? new BuildCertificateResponseItemModel { Slug = slug, IsProtected = flags.IsProtected, IsExpose = flags.IsExpose, Processed = flags.Processed }
                    : null;
                return (await files.UpdateBuildCertificateAsync(app, slug, request, state, token)).Slug;
            }),
        [CodeSigningFileKind.GenericProjectFile] = new(
            CodeSigningFileKind.GenericProjectFile,
            "generic-project-files",
            async (files, app, slug, change, current, token) =>
            {
                var request = new ProjectFileStorageDocumentUpdateParams
                {
                    IsProtected = ToOptional(change.IsProtected),
                    IsExpose = ToOptional(change.IsExpose),
                    Processed = ToOptional(change.Processed),
                };

                var state = current is { } flags
                    ? new ProjectFileStorageResponseItemModel { Slug = slug, IsProtected = flags.IsProtected, IsExpose = flags.IsExpose, Processed = flags.Processed }
                    : null;
                return (await files.UpdateGenericProjectFileAsync(app, slug, request, state, token)).Slug;
            }),
    };

    public static TheoryData<CodeSigningFileKind> Kinds => new(All.Keys);

    /// <summary>Returns an unset <see cref="Optional{T}"/> for null, so only the flags of a change are sent.</summary>
    public static Optional<bool> ToOptional(bool? value) => value is { } set ? new Optional<bool>(set) : default(Optional<bool>);

    /// <summary>
    /// Every kind with an update, times every current state (three flags, each true or false), times every change
    /// (three flags, each unset, true or false): 3 × 8 × 27 rows.
    /// </summary>
    public static TheoryData<CodeSigningFileKind, bool, bool, bool, bool?, bool?, bool?> AllCombinations
    {
        get
        {
            bool[] states = [false, true];
            bool?[] requests = [null, false, true];
            var data = new TheoryData<CodeSigningFileKind, bool, bool, bool, bool?, bool?, bool?>();
            foreach (var kind in All.Keys)
            {
                foreach (var isProtected in states)
                {
                    foreach (var isExpose in states)
                    {
                        foreach (var processed in states)
                        {
                            foreach (var requestedProtected in requests)
                            {
                                foreach (var requestedExpose in requests)
                                {
                                    foreach (var requestedProcessed in requests)
                                    {
                                        data.Add(kind, isProtected, isExpose, processed, requestedProtected, requestedExpose, requestedProcessed);
                                    }
                                }
                            }
                        }
                    }
                }
            }

            return data;
        }
    }
}
