import NIOCore

extension ByteBuffer {
    /// The readable bytes as text when they are valid UTF-8, nil otherwise: an upload with
    /// broken bytes is refused, never stored with replacement characters.
    var strictUTF8: String? { String(validating: readableBytesView, as: UTF8.self) }
}
