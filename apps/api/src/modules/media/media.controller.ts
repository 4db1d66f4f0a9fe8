import { Controller, Get, Param, Post, Req, Res, StreamableFile, UploadedFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { MAX_MEDIA_BYTES, MAX_MEDIA_DIMENSION, type MediaAsset } from '@countersign/contracts/media';
import type { Request, Response } from 'express';
import type { AuthContext } from '../../common/auth-context.js';
import { Authenticated, CurrentUser } from '../../common/authenticated.decorator.js';
import { SingleFileUpload, type UploadedFile as UploadedImage } from '../../common/file-upload.js';
import { UuidParamPipe } from '../../common/uuid-param.pipe.js';
import { MediaUploadErrorsInterceptor } from './media-upload.interceptor.js';
import { MediaService } from './media.service.js';

@ApiTags('media')
@Controller()
export class MediaController {
  constructor(private readonly media: MediaService) {}

  @Post('authoring/media')
  @Authenticated({
    permission: 'modules:author',
    summary: `Uploads an image for a module (PNG, JPEG or WebP by content, at most ${MAX_MEDIA_BYTES / 1024 / 1024} MB). It is re-encoded without metadata, at most ${MAX_MEDIA_DIMENSION} px on its longest side; the same image again answers with the same asset.`,
  })
  @SingleFileUpload(MediaUploadErrorsInterceptor, MAX_MEDIA_BYTES)
  upload(
    @CurrentUser() auth: AuthContext,
    @UploadedFile() file: UploadedImage | undefined,
  ): Promise<MediaAsset> {
    return this.media.upload(auth, file);
  }

  @Get('media/:mediaId')
  @Authenticated({
    permission: 'modules:read',
    summary: 'An image of the organisation’s modules (immutable: cache it for good).',
  })
  async image(
    @CurrentUser() auth: AuthContext,
    @Param('mediaId', new UuidParamPipe('mediaId')) mediaId: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile | undefined> {
    const image = await this.media.describe(auth.organisationId, mediaId);
    res.setHeader('ETag', `"${image.sha256}"`);
    // Assets never change, but the cache is private: the image is for the organisation's people only.
    res.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // Opened on its own, the response can run nothing and reach nothing.
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    if (req.fresh) {
      res.status(304);
      return undefined;
    }
    const data = await this.media.bytes(auth.organisationId, mediaId);
    return new StreamableFile(data, { type: image.contentType, disposition: 'inline', length: data.length });
  }
}
