namespace Bitrise.CodeSigning;

/// <summary>The stages of an upload through <see cref="ICodeSigningFiles"/>, in the order they run.</summary>
public enum UploadStage
{
    /// <summary>The API creates the entry and returns its slug and a presigned upload URL.</summary>
    Create,

    /// <summary>The storage client sends the bytes to the presigned upload URL.</summary>
    Put,

    /// <summary>The API confirms the upload and processes the file.</summary>
    Confirm,

    /// <summary>A PATCH sets the build certificate's <c>certificate_password</c>. It runs only when a password is given.</summary>
    SetPassword,
}
