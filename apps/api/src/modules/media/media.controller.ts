import { Controller, Get, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { MAX_MEDIA_BYTES, MAX_MEDIA_DIMENSION, type MediaAsset } from '@countersign/contracts/media';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthContext } from '../../common/auth-context.js';
import { Authenticated, CurrentUser } from '../../common/authenticated.decorator.js';
import {
  ReceivedFile,
  SingleFileUpload,
  type UploadedFile as UploadedImage,
} from '../../common/file-upload.js';
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
    @ReceivedFile() file: UploadedImage | undefined,
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
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile | undefined> {
    const image = await this.media.describe(auth.organisationId, mediaId);
    const etag = `"${image.sha256}"`;
    res.header('ETag', etag);
    // Assets never change, but the cache is private: the image is for the organisation's people only.
    res.header('Cache-Control', 'private, max-age=31536000, immutable');
    res.header('X-Content-Type-Options', 'nosniff');
    // Opened on its own, the response can run nothing and reach nothing.
    res.header('Content-Security-Policy', "default-src 'none'; sandbox");
    if (matchesEtag(req.headers['if-none-match'], etag)) {
      res.status(304);
      return undefined;
    }
    const data = await this.media.bytes(auth.organisationId, mediaId);
    return new StreamableFile(data, { type: image.contentType, disposition: 'inline', length: data.length });
  }
}

/** If-None-Match names this ETag (or `*`): the client's copy is current (RFC 9110 §13.1.2). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}
