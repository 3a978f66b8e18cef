namespace Bitrise.CodeSigning.Cli.FileKindDetection;

/// <summary>The format of a file's bytes, as far as the code-signing file kinds care.</summary>
internal enum FileContentFormat
{
    /// <summary>Zero bytes.</summary>
    Empty,

    /// <summary>CMS SignedData whose content is a property list: the format of a provisioning profile.</summary>
    SignedPropertyList,

    /// <summary>A PKCS#12 file (.p12, .pfx, or a keystore of store type PKCS12).</summary>
    Pkcs12,

    /// <summary>A Java KeyStore (JKS), which starts with the bytes FE ED FE ED.</summary>
    JavaKeyStore,

    /// <summary>None of the above.</summary>
    Other,

    /// <summary>
    /// Longer than <see cref="FileContentSniffer.MaxInspectedBytes"/>, far larger than any signing file, so the content
    /// was not read.
    /// </summary>
    TooLargeToInspect,
}
