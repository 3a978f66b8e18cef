using System.Collections.Generic;

namespace Bitrise.CodeSigning;

/// <summary>
/// A PATCH through <see cref="ICodeSigningFiles"/> breaks the rules of the API: <c>is_protected</c> and
/// <c>processed</c> cannot change once they are true, and <c>is_expose</c> cannot change while <c>is_protected</c> is
/// true. Either the client found this before sending (<see cref="RejectedByService"/> is <see langword="false"/>, and
/// nothing was sent), or the service rejected the PATCH with 400 for one of these rules.
/// </summary>
public sealed class CodeSigningConstraintException : CodeSigningApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="kind">The kind of the file.</param>
    /// <param name="appSlug">The slug of the app.</param>
    /// <param name="fileSlug">The slug of the file.</param>
    /// <param name="violations">The broken rules, each with its field, current and requested value.</param>
    /// <param name="rejectedByService">Whether the service rejected the PATCH, rather than the client before sending it.</param>
    /// <param name="innerException">The service's 400 when <paramref name="rejectedByService"/> is set, otherwise <see langword="null"/>.</param>
    public CodeSigningConstraintException(
        string message,
        CodeSigningFileKind kind,
        string appSlug,
        string fileSlug,
        IReadOnlyList<CodeSigningConstraintViolation> violations,
        bool rejectedByService,
        CodeSigningApiException? innerException = null)
        : base(message, innerException?.StatusCode, innerException)
    {
        Kind = kind;
        AppSlug = appSlug;
        FileSlug = fileSlug;
        Violations = violations;
        RejectedByService = rejectedByService;
        Method = innerException?.Method;
        Path = innerException?.Path;
        ServiceMessage = innerException?.ServiceMessage;
        ResponseExcerpt = innerException?.ResponseExcerpt;
    }

    /// <summary>Gets the kind of the file.</summary>
    public CodeSigningFileKind Kind { get; }

    /// <summary>Gets the slug of the app.</summary>
    public string AppSlug { get; }

    /// <summary>Gets the slug of the file.</summary>
    public string FileSlug { get; }

    /// <summary>
    /// Gets every rule that the change breaks. After a rejection by the service, these are the rules that the change
    /// breaks against the state read right after it. The list is empty when that state could not be read or breaks no
    /// rule, and <see cref="CodeSigningApiException.ServiceMessage"/> then names the rule.
    /// </summary>
    public IReadOnlyList<CodeSigningConstraintViolation> Violations { get; }

    /// <summary>
    /// Gets whether the service rejected the PATCH with 400. The client checks the rules before sending, so this happens
    /// when the file changed between that check and the PATCH, or when the state the caller passed was out of date.
    /// </summary>
    public bool RejectedByService { get; }
}
