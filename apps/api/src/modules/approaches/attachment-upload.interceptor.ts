import { Injectable } from '@nestjs/common';
import { UploadErrorsInterceptor } from '../../common/file-upload.js';
import { attachmentTooLarge, badUpload } from './approaches.errors.js';

/** The screenshot upload takes a multipart body (app.factory lets it past the JSON-only rule). */
export const ATTACHMENT_UPLOAD_PATH = /^\/approaches\/reports\/[^/]+\/attachments\/?$/;

/** A file over the limit is `attachment_too_large`, anything else malformed a 400 naming `file`. */
@Injectable()
export class AttachmentUploadErrorsInterceptor extends UploadErrorsInterceptor {
  protected tooLarge() {
    return attachmentTooLarge();
  }
  protected badUpload(reason: string) {
    return badUpload(reason);
  }
}
