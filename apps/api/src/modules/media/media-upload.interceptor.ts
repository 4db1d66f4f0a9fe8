import { Injectable } from '@nestjs/common';
import { MAX_MEDIA_BYTES } from '@countersign/contracts/media';
import { singleFileMulterOptions, UploadErrorsInterceptor } from '../../common/file-upload.js';
import { badMediaUpload, fileTooLarge } from './media.errors.js';

/** The image upload takes a multipart body (app.factory lets it past the JSON-only rule). */
export const MEDIA_UPLOAD_PATH = /^\/authoring\/media\/?$/;

/** One image in memory, at most MAX_MEDIA_BYTES. */
export const MEDIA_MULTER_OPTIONS = singleFileMulterOptions(MAX_MEDIA_BYTES);

/** A file over the limit is `file_too_large`, anything else malformed a 400 naming `file`. */
@Injectable()
export class MediaUploadErrorsInterceptor extends UploadErrorsInterceptor {
  protected tooLarge() {
    return fileTooLarge();
  }
  protected badUpload(reason: string) {
    return badMediaUpload(reason);
  }
}
